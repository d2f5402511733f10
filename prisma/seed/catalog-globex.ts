// Globex Utilities: a water treatment works and two pumping stations.
import { asset, every, gauge, part, runtime, vibration, type AssetDef, type Catalog } from "./catalog";

const filters: AssetDef[] = [1, 2, 3, 4].map((n) =>
  asset(`WTP-RGF-0${n}`, `Rapid Gravity Filter ${n}`, "Filter", "Xylem", "Leopold Type S", 4, "WTP-FIL"),
);

export const GLOBEX: Catalog = {
  locations: [
    {
      code: "WTP",
      name: "North Water Treatment Works",
      children: [
        { code: "WTP-INT", name: "Raw Water Intake" },
        { code: "WTP-FIL", name: "Filtration Hall" },
        { code: "WTP-CHM", name: "Chemical Dosing Building" },
        { code: "WTP-CWR", name: "Clear Water Reservoir" },
        { code: "WTP-SLG", name: "Sludge Treatment" },
      ],
    },
    { code: "PS-RIV", name: "Riverside Pumping Station" },
    { code: "PS-HIL", name: "Hilltop Booster Station" },
  ],
  assets: [
    asset("WTP", "North WTW Process Train", "Facility", "Globex", "—", 5, "WTP", {
      children: [
        asset("WTP-IS-01", "Intake Screen IS-1", "Screen", "Hydro-Dyne", "Auto-Rake", 3, "WTP-INT"),
        asset("WTP-RWP-01", "Raw Water Pump RWP-1", "Pump", "Flowserve", "LNN 300-560", 5, "WTP-INT", {
          meters: [runtime(20, 61_200), vibration(2.8, 2.2)],
          children: [asset("WTP-RWP-01-MTR", "RWP-1 Motor 250 kW", "Motor", "ABB", "M3BP 355", 5, "WTP-INT")],
        }),
        asset("WTP-RWP-02", "Raw Water Pump RWP-2", "Pump", "Flowserve", "LNN 300-560", 5, "WTP-INT", {
          meters: [runtime(10, 44_850)],
          children: [asset("WTP-RWP-02-MTR", "RWP-2 Motor 250 kW", "Motor", "ABB", "M3BP 355", 5, "WTP-INT")],
        }),
        ...filters,
        asset("WTP-BB-01", "Backwash Blower BB-1", "Blower", "Aerzen", "Delta Blower GM 50L", 3, "WTP-FIL", {
          meters: [runtime(2, 3_950)],
        }),
        asset("WTP-TA-01", "Filtered Water Turbidity Analyzer", "Instrument", "Hach", "TU5300 sc", 4, "WTP-FIL", {
          meters: [gauge("turbidity", "Filtered water turbidity", "NTU", 0.12, 0.03)],
        }),
        asset("WTP-CDP-01", "Chlorine Dosing Pump CDP-1", "Dosing pump", "ProMinent", "Sigma/2", 4, "WTP-CHM"),
        asset("WTP-CDP-02", "Chlorine Dosing Pump CDP-2", "Dosing pump", "ProMinent", "Sigma/2", 4, "WTP-CHM", { status: "degraded" }),
        asset("WTP-FDP-01", "Coagulant Dosing Pump", "Dosing pump", "ProMinent", "Sigma/1", 4, "WTP-CHM"),
        asset("WTP-CLA-01", "Chlorine Residual Analyzer", "Instrument", "Hach", "CL17 sc", 4, "WTP-CHM", {
          meters: [gauge("chlorine", "Free chlorine residual", "mg/L", 0.8, 0.08)],
        }),
        asset("WTP-UV-01", "UV Disinfection Reactor UV-1", "UV reactor", "Trojan", "UVSwift 4L24", 5, "WTP-CWR", {
          meters: [runtime(24, 5_120)],
        }),
        asset("WTP-TWP-01", "Treated Water Pump TWP-1", "Pump", "KSB", "Omega 200-420", 5, "WTP-CWR", { meters: [runtime(16, 38_400)] }),
        asset("WTP-TWP-02", "Treated Water Pump TWP-2", "Pump", "KSB", "Omega 200-420", 5, "WTP-CWR"),
        asset("WTP-THK-01", "Sludge Thickener", "Thickener", "WesTech", "Picket Fence", 2, "WTP-SLG"),
        asset("WTP-SP-01", "Sludge Pump SP-1", "Pump", "Seepex", "BN 17-12", 2, "WTP-SLG", { status: "down" }),
      ],
    }),
    asset("RIV", "Riverside Pumping Station", "Facility", "Globex", "—", 4, "PS-RIV", {
      children: [
        asset("RIV-P-01", "Station Pump RP-1", "Pump", "Grundfos", "NKG 150-125", 4, "PS-RIV", { meters: [runtime(14, 22_100)] }),
        asset("RIV-P-02", "Station Pump RP-2", "Pump", "Grundfos", "NKG 150-125", 4, "PS-RIV"),
        asset("RIV-P-03", "Station Pump RP-3", "Pump", "Grundfos", "NKG 150-125", 4, "PS-RIV"),
        asset("RIV-GEN-01", "Standby Generator G-1", "Generator", "Caterpillar", "C18 600 kVA", 5, "PS-RIV", {
          meters: [runtime(0.4, 1_180)],
        }),
        asset("RIV-SV-01", "Surge Vessel SV-1", "Pressure vessel", "Charlatte", "Hydrofort 10 m³", 3, "PS-RIV"),
        asset("RIV-RTU-01", "SCADA Outstation RTU-R", "Control", "Schneider Electric", "SCADAPack 57x", 4, "PS-RIV"),
      ],
    }),
    asset("HIL", "Hilltop Booster Station", "Facility", "Globex", "—", 4, "PS-HIL", {
      children: [
        asset("HIL-BP-01", "Booster Pump BP-1", "Pump", "Grundfos", "Hydro MPC-E", 4, "PS-HIL", { meters: [runtime(12, 15_700)] }),
        asset("HIL-BP-02", "Booster Pump BP-2", "Pump", "Grundfos", "Hydro MPC-E", 4, "PS-HIL"),
        asset("HIL-VSD-01", "Variable Speed Drive VSD-1", "Drive", "Danfoss", "VLT AQUA FC 202", 3, "PS-HIL"),
        asset("HIL-FAN-01", "Station Ventilation Fan", "Fan", "Systemair", "AxZent", 1, "PS-HIL"),
      ],
    }),
  ],
  parts: [
    part("SEAL-LNN", "Mechanical seal cartridge, Flowserve LNN", "pcs", 640, ["Pump"]),
    part("BRG-6316", "Deep groove ball bearing SKF 6316-C3", "pcs", 132, ["Pump", "Motor"]),
    part("BRG-NU316", "Cylindrical roller bearing NU 316 ECP", "pcs", 178, ["Motor", "Pump"]),
    part("UV-LAMP", "UV lamp, Trojan UVSwift", "pcs", 385, ["UV reactor"]),
    part("UV-SLEEVE", "Quartz sleeve, UV reactor", "pcs", 210, ["UV reactor"]),
    part("DP-DIAPH", "Dosing pump diaphragm, ProMinent Sigma", "pcs", 96, ["Dosing pump"]),
    part("DP-VALVE", "Dosing pump valve set", "pcs", 74, ["Dosing pump"]),
    part("REAG-CL17", "CL17 DPD reagent set", "pcs", 58, ["Instrument"]),
    part("CAL-TURB", "Turbidimeter calibration kit", "pcs", 120, ["Instrument"]),
    part("MEDIA-ANTH", "Anthracite filter media, 25 kg bag", "bag", 41, ["Filter"]),
    part("GEN-OILF", "Generator oil filter CAT 1R-0739", "pcs", 28, ["Generator"]),
    part("GEN-FUELF", "Generator fuel filter CAT 1R-0751", "pcs", 35, ["Generator"]),
    part("OIL-15W40", "Engine oil 15W-40", "L", 6.2, ["Generator", "Blower"]),
    part("GRS-EP2", "Grease EP2 cartridge 400 g", "pcs", 7.9),
    part("VLV-BFLY150", "Butterfly valve DN150", "pcs", 420, ["Pump", "Filter", "Pressure vessel"]),
    part("ACT-AUMA", "Electric valve actuator AUMA SA 07.6", "pcs", 1850, ["Filter", "Pump"]),
    part("FUSE-100A", "Fuse gG 100 A", "pcs", 9.8),
    part("STATOR-BN", "Progressing cavity pump stator, Seepex BN", "pcs", 560, ["Pump", "Thickener"]),
  ],
  warehouses: [
    { code: "WH-WTP", name: "Central Stores — North WTW" },
    { code: "WH-RIV", name: "Riverside Store Room" },
  ],
  plans: [
    { code: "PM-001", name: "Monthly inspection — Raw Water Pump RWP-1", asset: "WTP-RWP-01", type: "preventive", priority: 3, hours: 2, tasks: ["Check gland/seal for leakage", "Grease bearings", "Record motor current and vibration"], trigger: every(1, "month") },
    { code: "PM-002", name: "Monthly inspection — Raw Water Pump RWP-2", asset: "WTP-RWP-02", type: "preventive", priority: 3, hours: 2, tasks: ["Check gland/seal for leakage", "Grease bearings", "Record motor current"], trigger: every(1, "month") },
    { code: "PM-003", name: "High vibration response — Raw Water Pump RWP-1", asset: "WTP-RWP-01", type: "predictive", priority: 2, hours: 3, tasks: ["Confirm with portable analyser", "Check coupling alignment", "Raise corrective work if bearings worn"], trigger: { kind: "meter_threshold", meter: "WTP-RWP-01:vibration", threshold: 4.5, direction: "above" } },
    { code: "PM-004", name: "UV lamp replacement every 9,000 h — UV-1", asset: "WTP-UV-01", type: "preventive", priority: 2, hours: 6, tasks: ["Isolate reactor", "Replace UV lamps", "Clean quartz sleeves", "Reset lamp hour counter"], trigger: { kind: "meter_interval", meter: "WTP-UV-01:runtime", every: 9000 } },
    { code: "PM-005", name: "Weekly calibration — Chlorine Residual Analyzer", asset: "WTP-CLA-01", type: "inspection", priority: 2, hours: 0.5, tasks: ["Compare with DPD grab sample", "Adjust calibration if off by more than 0.05 mg/L", "Replace reagent if due"], trigger: every(1, "week") },
    { code: "PM-006", name: "Monthly on-load test run — Standby Generator G-1", asset: "RIV-GEN-01", type: "inspection", priority: 2, hours: 2, tasks: ["Run on load for 60 minutes", "Check coolant and oil", "Record battery voltage"], trigger: every(1, "month") },
    { code: "PM-007", name: "500 h service — Standby Generator G-1", asset: "RIV-GEN-01", type: "preventive", priority: 3, hours: 4, tasks: ["Change engine oil and filter", "Replace fuel filters", "Inspect belts and hoses"], trigger: { kind: "meter_interval", meter: "RIV-GEN-01:runtime", every: 500 } },
    { code: "PM-008", name: "Quarterly filter media inspection — Filtration Hall", asset: null, type: "inspection", priority: 3, hours: 6, tasks: ["Measure media depth in each filter", "Check backwash distribution", "Top up anthracite if below spec"], trigger: every(3, "month") },
    { code: "PM-009", name: "Six-monthly overhaul — Chlorine Dosing Pumps", asset: "WTP-CDP-01", type: "preventive", priority: 3, hours: 3, tasks: ["Replace diaphragm", "Replace valve set", "Calibrate stroke"], trigger: every(6, "month", true) },
    { code: "PM-010", name: "Annual inspection — Surge Vessel SV-1", asset: "RIV-SV-01", type: "inspection", priority: 2, hours: 8, tasks: ["Internal visual inspection", "Check air charge", "Test pressure relief valve"], trigger: every(12, "month") },
    { code: "PM-011", name: "Weekly station check — Hilltop Booster Station", asset: "HIL", type: "inspection", priority: 4, hours: 1, tasks: ["Check pumps running hours", "Check for leaks", "Verify SCADA alarms clear"], trigger: every(1, "week") },
  ],
  shutdownAssets: ["RIV", "HIL"],
};
