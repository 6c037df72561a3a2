// The parts of @lhncbc/ucum-lhc this project calls (the package ships no types).
declare module "@lhncbc/ucum-lhc" {
  interface ConversionResult {
    status: "succeeded" | "failed" | "error";
    toVal: number | null;
    msg: string[];
  }
  interface UcumLhcUtils {
    convertUnitTo(from: string, value: number, to: string, options?: { molecularWeight?: number; charge?: number }): ConversionResult;
    validateUnitString(unit: string): { status: string };
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
