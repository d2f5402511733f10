// Acme Manufacturing: two plants with stamping, assembly, moulding and packaging lines plus utilities.
// Also the template for the "bench-NN" benchmark tenants.
import { asset, every, gauge, part, runtime, temperature, vibration, type Catalog } from "./catalog";

export const ACME: Catalog = {
  locations: [
    {
      code: "PN",
      name: "Plant North",
      children: [
        { code: "PN-L1", name: "Line 1 — Stamping" },
        { code: "PN-L2", name: "Line 2 — Assembly" },
        { code: "PN-UT", name: "Utilities Room" },
      ],
    },
    {
      code: "PS",
      name: "Plant South",
      children: [
        { code: "PS-L3", name: "Line 3 — Injection Moulding" },
        { code: "PS-L4", name: "Line 4 — Packaging" },
        { code: "PS-BH", name: "Boiler House" },
        { code: "PS-WH", name: "Warehouse and Docks" },
      ],
    },
  ],
  assets: [
    asset("L1", "Stamping Line 1", "Production line", "Acme", "Custom", 5, "PN-L1", {
      children: [
        asset("L1-PRS-01", "Hydraulic Press 400 t", "Press", "Schuler", "MSD 400", 5, "PN-L1", {
          meters: [runtime(15, 18_240), temperature("Hydraulic oil temperature", 48, 2.5)],
          children: [
            asset("L1-PRS-01-MTR", "Press Main Motor 75 kW", "Motor", "Siemens", "1LE1003-3AB", 4, "PN-L1"),
            asset("L1-PRS-01-HPU", "Press Hydraulic Pump", "Pump", "Bosch Rexroth", "A10VSO 71", 4, "PN-L1"),
          ],
        }),
        asset("L1-FDR-01", "Coil Feeder", "Feeder", "Coe Press Equipment", "CPRF-300", 4, "PN-L1"),
        asset("L1-CNV-01", "Transfer Conveyor C1", "Conveyor", "Hytrol", "E24EZ", 3, "PN-L1", {
          children: [asset("L1-CNV-01-MTR", "Conveyor C1 Drive Motor", "Motor", "SEW-Eurodrive", "DRN90L4", 3, "PN-L1")],
        }),
      ],
    }),
    asset("L2", "Assembly Line 2", "Production line", "Acme", "Custom", 4, "PN-L2", {
      children: [
        asset("L2-ROB-01", "Robotic Welding Cell R1", "Robot", "FANUC", "ARC Mate 120iD", 4, "PN-L2", {
          meters: [runtime(14, 9_870)],
        }),
        asset("L2-ROB-02", "Robotic Welding Cell R2", "Robot", "FANUC", "ARC Mate 120iD", 4, "PN-L2"),
        asset("L2-CNV-02", "Assembly Conveyor C2", "Conveyor", "Dorner", "3200 Series", 3, "PN-L2"),
        asset("L2-SDS-01", "Screw Driving Station", "Tooling", "Atlas Copco", "Tensor STR", 2, "PN-L2"),
      ],
    }),
    asset("UT-AC-01", "Air Compressor AC-1", "Compressor", "Atlas Copco", "GA 37 VSD+", 4, "PN-UT", {
      meters: [runtime(20, 31_500), temperature("Discharge temperature", 78, 3), vibration(2.4)],
    }),
    asset("UT-AC-02", "Air Compressor AC-2", "Compressor", "Atlas Copco", "GA 37 VSD+", 4, "PN-UT", {
      status: "degraded",
      meters: [runtime(12, 27_910), temperature("Discharge temperature", 81, 3, 9)],
    }),
    asset("UT-DRY-01", "Refrigerated Air Dryer", "Dryer", "Atlas Copco", "FD 100", 3, "PN-UT"),
    asset("UT-P-101", "Cooling Tower Pump P-101", "Pump", "Grundfos", "NB 65-200", 3, "PN-UT", {
      meters: [vibration(2.1, 5.6)],
    }),
    asset("UT-MSB-01", "Main Switchboard MSB-1", "Electrical", "Schneider Electric", "Okken", 5, "PN-UT"),
    asset("PN-HVAC-01", "Rooftop HVAC Unit RTU-1", "HVAC", "Trane", "Voyager YHC", 2, "PN"),
    asset("L3", "Injection Moulding Line 3", "Production line", "Acme", "Custom", 5, "PS-L3", {
      children: [
        asset("L3-IM-01", "Injection Moulder IM-1", "Injection moulding machine", "ENGEL", "victory 200", 5, "PS-L3", {
          meters: [runtime(21, 40_120), temperature("Barrel zone 2 temperature", 230, 4)],
          children: [
            asset("L3-IM-01-HPU", "IM-1 Hydraulic Pump", "Pump", "Bosch Rexroth", "A4VSO 40", 4, "PS-L3"),
            asset("L3-IM-01-TCU", "IM-1 Mould Temperature Controller", "Temperature controller", "Wittmann", "TEMPRO plus D", 3, "PS-L3"),
          ],
        }),
        asset("L3-IM-02", "Injection Moulder IM-2", "Injection moulding machine", "ENGEL", "victory 200", 5, "PS-L3", {
          status: "down",
          meters: [runtime(18, 35_600)],
        }),
        asset("L3-DRY-01", "Material Dryer D-3", "Dryer", "Motan", "LUXOR 120", 3, "PS-L3"),
        asset("L3-ROB-01", "Sprue Picker Robot", "Robot", "Yushin", "RA-IIs", 3, "PS-L3"),
      ],
    }),
    asset("L4", "Packaging Line 4", "Production line", "Acme", "Custom", 4, "PS-L4", {
      children: [
        asset("L4-CSP-01", "Case Packer", "Packaging machine", "Krones", "Variopac Pro", 4, "PS-L4", {
          meters: [runtime(16, 12_400)],
        }),
        asset("L4-WRP-01", "Stretch Wrapper", "Packaging machine", "Lantech", "Q-300", 3, "PS-L4"),
        asset("L4-LBL-01", "Labeller", "Packaging machine", "HERMA", "400 Labeller", 3, "PS-L4", { status: "degraded" }),
        asset("L4-CNV-04", "Outfeed Conveyor C4", "Conveyor", "Interroll", "RM 8310", 2, "PS-L4"),
      ],
    }),
    asset("BH-BLR-01", "Steam Boiler B-1", "Boiler", "Cleaver-Brooks", "CBEX Elite 200", 5, "PS-BH", {
      meters: [runtime(18, 52_300), gauge("pressure", "Steam pressure", "bar", 9.5, 0.3), temperature("Stack temperature", 190, 6)],
      children: [asset("BH-BLR-01-FWP", "Boiler Feedwater Pump", "Pump", "Grundfos", "CR 10-8", 4, "PS-BH")],
    }),
    asset("BH-CH-01", "Chiller CH-1", "Chiller", "Carrier", "AquaEdge 19DV", 4, "PS-BH", {
      meters: [temperature("Chilled water leaving temperature", 7, 0.6)],
    }),
    asset("BH-P-201", "Chilled Water Pump P-201", "Pump", "Grundfos", "TP 80-240", 3, "PS-BH"),
    asset("WH-FL-07", "Forklift FL-07", "Vehicle", "Toyota", "8FBE20", 2, "PS-WH", { meters: [runtime(6, 4_310)] }),
    asset("WH-DL-01", "Dock Leveller D1", "Dock equipment", "Rite-Hite", "HK Series", 2, "PS-WH"),
    asset("WH-FL-02", "Forklift FL-02 (old)", "Vehicle", "Toyota", "7FBE15", 1, "PS-WH", { status: "retired" }),
  ],
  parts: [
    part("BRG-6205", "Deep groove ball bearing SKF 6205-2RS", "pcs", 12.4, ["Motor", "Conveyor", "Pump"]),
    part("BRG-6310", "Deep groove ball bearing SKF 6310-2Z", "pcs", 48.9, ["Motor", "Pump", "Compressor"]),
    part("BRG-22216", "Spherical roller bearing SKF 22216 E", "pcs", 215, ["Press", "Feeder"]),
    part("BLT-SPA1250", "V-belt SPA 1250", "pcs", 18.75, ["Compressor", "HVAC", "Feeder"]),
    part("SEAL-M7N35", "Mechanical seal Burgmann M7N 35 mm", "pcs", 189, ["Pump"]),
    part("FLT-AC-OIL", "Oil filter Atlas Copco 1625 4800 00", "pcs", 42.1, ["Compressor"]),
    part("FLT-AC-AIR", "Air filter element Atlas Copco 1613 8722 00", "pcs", 66.3, ["Compressor", "Dryer"]),
    part("FLT-AC-SEP", "Oil separator element Atlas Copco", "pcs", 245, ["Compressor"]),
    part("OIL-HLP46", "Hydraulic oil HLP 46", "L", 4.85, ["Press", "Injection moulding machine", "Pump"]),
    part("OIL-ROTO", "Compressor oil Roto-Inject Fluid", "L", 14.2, ["Compressor"]),
    part("GRS-EP2", "Grease EP2 cartridge 400 g", "pcs", 7.9),
    part("HOSE-HYD12", "Hydraulic hose assembly 1/2 in × 1 m", "pcs", 38, ["Press", "Injection moulding machine"]),
    part("SNS-PROX18", "Inductive proximity sensor M18", "pcs", 64, ["Robot", "Conveyor", "Packaging machine", "Feeder"]),
    part("SNS-PT100", "PT100 temperature probe", "pcs", 58.5, ["Temperature controller", "Boiler", "Chiller", "Dryer"]),
    part("CTR-3RT2026", "Contactor Siemens 3RT2026", "pcs", 92, ["Electrical", "Motor", "HVAC"]),
    part("FUSE-63A", "Fuse gG 63 A", "pcs", 6.4),
    part("RLR-CONV50", "Conveyor roller 50 mm", "pcs", 21, ["Conveyor"]),
    part("BELT-CONV600", "Conveyor belt PVC 600 mm", "m", 45, ["Conveyor"]),
    part("CHN-08B", "Roller chain 08B-1, 5 m", "pcs", 57, ["Conveyor", "Packaging machine"]),
    part("ORING-KIT", "O-ring kit NBR assorted", "pcs", 35, ["Pump", "Press", "Injection moulding machine"]),
    part("NOZ-IM", "Injection nozzle tip ENGEL", "pcs", 310, ["Injection moulding machine"]),
    part("HTR-BAND", "Barrel heater band 230 V", "pcs", 128, ["Injection moulding machine"]),
    part("GSK-BOIL", "Boiler manway gasket", "pcs", 42, ["Boiler"]),
    part("FLT-CHW", "Chiller water strainer element", "pcs", 76, ["Chiller"]),
    part("TYRE-FL", "Forklift drive tyre", "pcs", 145, ["Vehicle"]),
    part("LAMP-LED150", "LED high-bay lamp 150 W", "pcs", 89),
    part("TIP-MIG", "MIG contact tip 1.2 mm (pack of 25)", "pcs", 22.5, ["Robot"]),
    part("LBL-ROLL", "Label applicator pad", "pcs", 54, ["Packaging machine"]),
  ],
  warehouses: [
    { code: "WH-N", name: "Main Stores — Plant North" },
    { code: "WH-S", name: "Plant South Crib" },
  ],
  plans: [
    { code: "PM-001", name: "Weekly lubrication — Hydraulic Press 400 t", asset: "L1-PRS-01", type: "preventive", priority: 3, hours: 1, tasks: ["Grease slide guides and gibs", "Check hydraulic oil level", "Inspect hoses for leaks and chafing"], trigger: every(1, "week") },
    { code: "PM-002", name: "Monthly inspection — Air Compressor AC-1", asset: "UT-AC-01", type: "preventive", priority: 3, hours: 2, tasks: ["Drain condensate and check drain valve", "Check oil level and top up", "Clean cooler fins", "Record discharge temperature"], trigger: every(1, "month") },
    { code: "PM-003", name: "2,000 h service — Air Compressor AC-1", asset: "UT-AC-01", type: "preventive", priority: 2, hours: 4, tasks: ["Replace oil filter", "Replace air filter", "Change compressor oil", "Check belt tension"], trigger: { kind: "meter_interval", meter: "UT-AC-01:runtime", every: 2000 } },
    { code: "PM-004", name: "2,000 h service — Air Compressor AC-2", asset: "UT-AC-02", type: "preventive", priority: 2, hours: 4, tasks: ["Replace oil filter", "Replace air filter", "Change compressor oil"], trigger: { kind: "meter_interval", meter: "UT-AC-02:runtime", every: 2000 } },
    { code: "PM-005", name: "Quarterly vibration analysis — Cooling Tower Pump P-101", asset: "UT-P-101", type: "predictive", priority: 3, hours: 1.5, tasks: ["Take vibration spectra at drive-end and non-drive-end bearings", "Compare with baseline and trend"], trigger: every(3, "month") },
    { code: "PM-006", name: "High vibration response — Cooling Tower Pump P-101", asset: "UT-P-101", type: "predictive", priority: 2, hours: 3, tasks: ["Confirm reading with portable analyser", "Check alignment and soft foot", "Plan bearing replacement if confirmed"], trigger: { kind: "meter_threshold", meter: "UT-P-101:vibration", threshold: 7.1, direction: "above" } },
    { code: "PM-007", name: "Monthly belt inspection — Transfer Conveyor C1", asset: "L1-CNV-01", type: "preventive", priority: 3, hours: 1, tasks: ["Check belt tracking and tension", "Inspect rollers for noise", "Clean return side"], trigger: every(1, "month", true) },
    { code: "PM-008", name: "Annual statutory inspection — Steam Boiler B-1", asset: "BH-BLR-01", type: "inspection", priority: 1, hours: 16, tasks: ["Shut down and cool boiler", "Open manways for inspector", "Replace manway gaskets", "Test safety valves"], trigger: every(12, "month") },
    { code: "PM-009", name: "Weekly water treatment check — Steam Boiler B-1", asset: "BH-BLR-01", type: "inspection", priority: 3, hours: 0.5, tasks: ["Test TDS and pH", "Check chemical dosing tank level", "Blow down"], trigger: every(1, "week") },
    { code: "PM-010", name: "Quarterly service — Chiller CH-1", asset: "BH-CH-01", type: "preventive", priority: 3, hours: 4, tasks: ["Check refrigerant pressures", "Clean strainer", "Inspect condenser tubes"], trigger: every(3, "month") },
    { code: "PM-011", name: "Monthly PM — Injection Moulder IM-1", asset: "L3-IM-01", type: "preventive", priority: 3, hours: 3, tasks: ["Check heater band currents", "Inspect hydraulic hoses", "Lubricate toggle", "Check nozzle alignment"], trigger: every(1, "month") },
    { code: "PM-012", name: "Monthly PM — Injection Moulder IM-2", asset: "L3-IM-02", type: "preventive", priority: 3, hours: 3, tasks: ["Check heater band currents", "Inspect hydraulic hoses", "Lubricate toggle"], trigger: every(1, "month") },
    { code: "PM-013", name: "250 h service — Forklift FL-07", asset: "WH-FL-07", type: "preventive", priority: 4, hours: 1.5, tasks: ["Check battery water level", "Inspect forks and chains", "Test brakes and horn"], trigger: { kind: "meter_interval", meter: "WH-FL-07:runtime", every: 250 } },
    { code: "PM-014", name: "Weekly safety walkdown — Packaging Line 4", asset: "L4", type: "inspection", priority: 3, hours: 1, tasks: ["Check guards and interlocks", "Test emergency stops", "Check floor markings"], trigger: every(1, "week") },
    { code: "PM-015", name: "Semi-annual thermography — Main Switchboard MSB-1", asset: "UT-MSB-01", type: "predictive", priority: 2, hours: 2, tasks: ["Thermal scan of busbars and breakers under load", "Report hot spots above 10 °C rise"], trigger: every(6, "month") },
    { code: "PM-016", name: "Quarterly robot calibration — Welding Cells", asset: "L2-ROB-01", type: "preventive", priority: 3, hours: 2, tasks: ["Check TCP calibration", "Replace contact tips and liners", "Back up controller"], trigger: every(3, "month", true) },
    { code: "PM-017", name: "Service — Forklift FL-02 (retired)", asset: "WH-FL-02", type: "preventive", priority: 4, hours: 1.5, tasks: ["General service"], trigger: every(3, "month"), active: false },
  ],
  shutdownAssets: ["L1", "L2", "L3", "L4"],
};
