// Words for generated work: symptoms, tasks, checklists, comments and requests.

const SYMPTOMS: Record<string, string[]> = {
  Pump: ["leaking mechanical seal", "low discharge pressure", "cavitation noise", "high bearing temperature", "tripping on overload"],
  Motor: ["overheating", "tripping on overload", "bearing noise", "will not start", "high vibration at drive end"],
  Conveyor: ["belt tracking off", "torn belt splice", "seized return roller", "drive chain slipping", "product jams at transfer"],
  Compressor: ["high discharge temperature", "air leak at cooler", "oil carry-over", "not loading", "pressure dew point alarm"],
  Press: ["hydraulic leak at cylinder", "slide not reaching bottom dead centre", "light curtain fault", "oil temperature high"],
  Robot: ["collision alarm", "wire feed fault", "TCP drift out of tolerance", "servo overcurrent alarm"],
  Boiler: ["low water alarm", "burner lockout", "steam pressure fluctuating", "feedwater pump cavitating"],
  Chiller: ["high head pressure", "low refrigerant alarm", "compressor short cycling"],
  "Injection moulding machine": ["heater band failed", "short shots", "hydraulic oil leak", "mould not closing", "screw recovery slow"],
  "Packaging machine": ["misfeeds cases", "glue gun blocked", "film break sensor fault", "labels skewed"],
  Dryer: ["dew point high", "heater fault", "desiccant carry-over"],
  Filter: ["backwash valve stuck", "high head loss", "media boil during backwash"],
  "Dosing pump": ["not delivering", "diaphragm ruptured", "erratic stroke"],
  Instrument: ["reading drifting", "no signal to SCADA", "flow cell blocked"],
  Generator: ["failed to start on test", "battery charger fault", "coolant leak"],
  "UV reactor": ["lamp failure alarm", "low UV intensity", "wiper stuck"],
  Vehicle: ["hydraulic mast leak", "battery not charging", "brake noise"],
};
const GENERIC_SYMPTOMS = ["abnormal noise", "unexpected stop", "high vibration", "sensor fault", "leak found on walkdown"];

export function symptom(category: string, pick: <T>(items: readonly T[]) => T): string {
  return pick(SYMPTOMS[category] ?? GENERIC_SYMPTOMS);
}

export const FAILURE_CAUSES = ["wear", "lubrication", "misalignment", "contamination", "electrical", "overload", "corrosion", "operator_error", "design", "unknown"] as const;
const FAILURE_TYPES: Record<string, string[]> = {
  Electrical: ["electrical"],
  Motor: ["electrical", "mechanical"],
  Drive: ["electrical", "software"],
  Instrument: ["instrumentation"],
  Control: ["instrumentation", "software"],
  Robot: ["mechanical", "electrical", "software"],
  Press: ["hydraulic", "mechanical", "electrical"],
  "Injection moulding machine": ["hydraulic", "electrical", "mechanical"],
  Compressor: ["pneumatic", "mechanical", "electrical"],
  Dryer: ["pneumatic", "electrical"],
};

/** Failure type for a failed component of this kind of equipment (mostly mechanical otherwise). */
export function failureType(category: string, pick: <T>(items: readonly T[]) => T): string {
  return pick(FAILURE_TYPES[category] ?? ["mechanical", "mechanical", "electrical", "instrumentation"]);
}

export const CORRECTIVE_TASKS = [
  "Isolate and lock out",
  "Diagnose fault",
  "Replace worn component",
  "Adjust and realign",
  "Clean and flush",
  "Test run and hand back to production",
];

export const INSPECTION_TITLES = ["Safety inspection", "Condition walkdown", "Guarding and interlock check", "Leak survey"];
export const PREDICTIVE_TITLES = ["Vibration analysis", "Thermography survey", "Oil analysis sampling", "Ultrasonic leak detection"];
export const IMPROVEMENT_TITLES = [
  "Install machine guard on",
  "Add condition monitoring sensor to",
  "Relocate control panel of",
  "Fit quick-change coupling on",
  "Upgrade lighting around",
  "Add lubrication point labels to",
];
export const AD_HOC_PREVENTIVE = ["Clean and lubricate", "Tighten electrical terminations on", "Replace filters on"];

export const CHECKLIST: { label: string; kind: "yes_no" | "number" | "text" | "pass_flag_fail" }[] = [
  { label: "Guards and interlocks in place", kind: "yes_no" },
  { label: "Emergency stop tested", kind: "pass_flag_fail" },
  { label: "Motor current (A)", kind: "number" },
  { label: "Bearing temperature (°C)", kind: "number" },
  { label: "Leaks found", kind: "yes_no" },
  { label: "General condition", kind: "pass_flag_fail" },
  { label: "Lubrication level OK", kind: "yes_no" },
  { label: "Observations", kind: "text" },
];

export const OBSERVATIONS = ["No issues found", "Minor oil weep, monitor", "Area cleaned", "Loose guard bolt tightened", "Paint damage, not urgent"];

export const COMMENTS = [
  "Parts ordered, waiting on delivery.",
  "Production agreed a stop window after the shift change.",
  "Found the root cause: worn coupling insert.",
  "Temporary fix in place, full repair planned for the weekend.",
  "Checked with the OEM; the procedure is confirmed.",
  "Replaced and tested, running smoothly.",
  "Photos attached to the asset record.",
  "Need a second technician for the lift.",
  "Vibration back within limits after the repair.",
  "Waiting for the permit to work.",
];

export const REQUESTS = [
  "Water leaking under {asset}",
  "Strange grinding noise from {asset}",
  "{asset} keeps stopping during the shift",
  "Smell of burning near {asset}",
  "Guard on {asset} is loose",
  "Light out above {location}",
  "{asset} is running hotter than usual",
  "Oil on the floor next to {asset}",
];

export const REJECTIONS = ["Duplicate of an open work order", "Not a maintenance issue — passed to facilities", "Could not reproduce; operator briefed", "Covered by the next scheduled PM"];

export const STOP_REASONS = ["Jam cleared by operator", "Sensor blocked, cleaned", "Material shortage", "Tripped breaker reset", "Quality hold", "Short power dip"];
export const SHUTDOWN_REASONS = ["Planned quarterly shutdown", "Planned production changeover", "Planned utilities isolation"];
