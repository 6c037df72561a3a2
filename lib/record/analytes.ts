/**
 * The analytes an eligibility threshold can limit (shared/spec/screening.md): codes are a
 * contract (add, never rename), with how a person reads each and its SI unit, the unit
 * limits are compared in. null: a unitless score or ratio.
 */
export const ANALYTES = [
  "TBIL", "INR", "PTA", "PT", "MELD", "MELD_NA", "CHILD_PUGH", "CREATININE", "ALBUMIN", "PLATELETS", "SODIUM", "AFP",
  "HE_GRADE", "HEMOGLOBIN", "ALT", "AST", "ALP", "WBC", "AGE",
] as const;
export type Analyte = (typeof ANALYTES)[number];

export const ANALYTE_INFO: Record<Analyte, { label: string; short: string; si: string | null }> = {
  TBIL: { label: "Total bilirubin", short: "TBil", si: "umol/L" },
  INR: { label: "INR", short: "INR", si: null },
  PTA: { label: "Prothrombin activity", short: "PTA", si: "%" },
  PT: { label: "Prothrombin time", short: "PT", si: "s" },
  MELD: { label: "MELD score", short: "MELD", si: null },
  MELD_NA: { label: "MELD-Na score", short: "MELD-Na", si: null },
  CHILD_PUGH: { label: "Child-Pugh score", short: "Child-Pugh", si: null },
  CREATININE: { label: "Serum creatinine", short: "Creatinine", si: "umol/L" },
  ALBUMIN: { label: "Serum albumin", short: "Albumin", si: "g/L" },
  PLATELETS: { label: "Platelet count", short: "Platelets", si: "10*9/L" },
  SODIUM: { label: "Serum sodium", short: "Sodium", si: "mmol/L" },
  AFP: { label: "Alpha-fetoprotein", short: "AFP", si: "ng/mL" },
  HE_GRADE: { label: "Hepatic encephalopathy grade", short: "HE grade", si: null },
  HEMOGLOBIN: { label: "Hemoglobin", short: "Hb", si: "g/L" },
  ALT: { label: "ALT", short: "ALT", si: "U/L" },
  AST: { label: "AST", short: "AST", si: "U/L" },
  ALP: { label: "Alkaline phosphatase", short: "ALP", si: "U/L" },
  WBC: { label: "White blood cell count", short: "WBC", si: "10*9/L" },
  AGE: { label: "Age", short: "Age", si: "a" },
};

export const THRESHOLD_OPS = [">", ">=", "<", "<=", "between"] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];
