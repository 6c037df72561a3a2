import { describe, expect, it } from "vitest";
import { readArmFacts, type ArmFactSources } from "@/lib/ingest/arm-facts";

const arm = (description: string, more: Partial<ArmFactSources> = {}): ArmFactSources =>
  ({ msc: true, label: "Arm A", description, interventionTexts: [], trialTexts: [], ...more });
const route = (description: string, more?: Partial<ArmFactSources>) => readArmFacts(arm(description, more)).route;
const source = (description: string, more?: Partial<ArmFactSources>) => readArmFacts(arm(description, more)).cellSource;
const origin = (description: string, more?: Partial<ArmFactSources>) => readArmFacts(arm(description, more)).cellOrigin;

describe("route of administration", () => {
  it.each([
    ["UC-MSCs 1×10^6 cells/kg given via the hepatic artery at week 0", "HEPATIC_ARTERY", "hepatic artery"],
    ["Autologous BM-MSCs infused through peripheral vein once", "PERIPHERAL_VEIN", "through peripheral vein"],
    ["MSCs were transplanted intraportally under ultrasound guidance", "PORTAL_VEIN", "intraportally"],
    ["Bone marrow MSCs delivered by the portal vein", "PORTAL_VEIN", "portal vein"],
    ["hUC-MSCs were injected intravenously on days 1, 4, 7 and 10", "PERIPHERAL_VEIN", "intravenously"],
    ["MSC 1.5×10^8, Peripheral IV, at week0", "PERIPHERAL_VEIN", "Peripheral IV"],
    ["mesenchymal stem cells given by intrasplenic injection", "INTRASPLENIC", "intrasplenic"],
    ["MSCs injected directly into the liver", "INTRAHEPATIC", "injected directly into the liver"],
    ["MSCs intramuscularly in the thigh", "OTHER", "intramuscularly"],
    ["UC-MSC infusion via the median cubital vein", "PERIPHERAL_VEIN", "via the median cubital vein"],
    ["UC-MSC infusion by intravenus, 1*10^8 cells/dose", "PERIPHERAL_VEIN", "intravenus"],
    ["Selected MSCs, 1.0 million cells/kg. IV single-infusion.", "PERIPHERAL_VEIN", "IV single-infusion"],
    ["collagen scaffold with HUC-MSCs was injected into left lateral segment, left medial segment", "INTRAHEPATIC", "injected into left lateral segment"],
  ])("%s → %s", (text, value, words) => {
    expect(route(text)).toEqual({ value, text: words });
  });

  it("is not reported when the words name no route", () => {
    expect(route("hUC-MSCs 4*10^5/kg/each time")).toBeNull();
  });

  it("does not give the MSC arm a route stated for plasma exchange or hepatocytes", () => {
    expect(route("UC-MSC 1×10^6/kg. Plasma exchange via the femoral vein on day 1")).toBeNull();
    expect(route("hepatocytes transplanted through the portal vein, with MSCs 1×10^6/kg")).toBeNull();
    // In the same sentence the nearest product decides.
    expect(route("MSCs intravenously and plasma exchange via a central vein")).toEqual({ value: "PERIPHERAL_VEIN", text: "intravenously" });
  });

  it("reads a sentence without a product as the arm's when the arm names no other treatment", () => {
    expect(route("Given intravenously once a week for 4 weeks")).toEqual({ value: "PERIPHERAL_VEIN", text: "intravenously" });
    expect(route("Artificial liver support. Given intravenously once a week")).toBeNull();
  });

  it("marks two different routes in the arm's words as OTHER, keeping both words", () => {
    expect(route("MSCs via the hepatic artery at week 0, then intravenously at week 4")).toEqual({ value: "OTHER", text: "hepatic artery … intravenously" });
  });

  it("reads the linked interventions after the arm, and the trial's title only for MSCs it names", () => {
    expect(route("High dose", { interventionTexts: ["Biological: UC-MSC. The cells are infused through a peripheral vein."] }))
      .toEqual({ value: "PERIPHERAL_VEIN", text: "through a peripheral vein" });
    expect(route("High dose", { trialTexts: ["Hepatic Arterial Infusion of Autologous BM-MSCs in Cirrhosis"] }))
      .toEqual({ value: "HEPATIC_ARTERY", text: "Hepatic Arterial" });
    expect(route("High dose", { trialTexts: ["Hepatocyte Transplantation via the Portal Vein or UC-MSC", "Drug: Intravenous albumin"] })).toBeNull();
  });

  it("reads the arm's label as its own words", () => {
    expect(source("1×10^6 cells/kg via the hepatic artery", { label: "Umbilical cord blood-derived MSC" }))
      .toEqual({ value: "CORD_BLOOD", text: "Umbilical cord blood" });
  });

  it("gives a placebo or control arm no route", () => {
    expect(readArmFacts({ ...arm("saline intravenously"), msc: false })).toEqual({ route: null, cellSource: null, cellOrigin: null });
  });
});

describe("cell source and origin", () => {
  it.each([
    ["human umbilical cord-derived MSCs", "UMBILICAL_CORD", "umbilical cord"],
    ["infusions of umbilical cord blood mesenchymal stem cells", "CORD_BLOOD", "umbilical cord blood"],
    ["autologous bone marrow-derived mesenchymal stromal cells", "BONE_MARROW", "bone marrow"],
    ["AD-MSCs 1×10^6/kg", "ADIPOSE", "AD-MSCs"],
    ["menstrual blood-derived stem cells", "MENSTRUAL_BLOOD", "menstrual blood"],
    ["placental MSCs, 2 infusions", "PLACENTA", "placental"],
    ["dental pulp mesenchymal stem cells", "OTHER", "dental pulp"],
    ["hUC-MSCs 4*10^5/kg/each time", "UMBILICAL_CORD", "hUC-MSCs"],
    ["0.5 to 1 x 10^6/kg autologous BM MSCs", "BONE_MARROW", "BM MSCs"],
  ])("%s → %s", (text, value, words) => {
    expect(source(text)).toEqual({ value, text: words });
  });

  it("does not take the source of bone marrow mononuclear cells or cord blood units for the MSCs", () => {
    expect(source("autologous bone marrow mononuclear cells and MSCs")).toBeNull();
    expect(source("MSCs 1×10^6/kg; cord blood mononuclear cells on day 3")).toBeNull();
  });

  it("leaves the source unread when the trial's title names two", () => {
    expect(source("High dose", { trialTexts: ["UC-MSC versus BM-MSC in ACLF"] })).toBeNull();
    expect(source("High dose", { trialTexts: ["Umbilical Cord MSC for ACLF"] })).toEqual({ value: "UMBILICAL_CORD", text: "Umbilical Cord" });
  });

  it.each([
    ["autologous bone marrow MSCs", "AUTOLOGOUS", "autologous"],
    ["the patient's own bone marrow, expanded MSCs", "AUTOLOGOUS", "patient's own bone marrow"],
    ["allogeneic umbilical cord MSCs", "ALLOGENEIC", "allogeneic"],
    ["allogenic MSCs from healthy donors", "ALLOGENEIC", "allogenic"],
  ])("%s → %s", (text, value, words) => {
    expect(origin(text)).toEqual({ value, text: words });
  });

  it("leaves autologous/allogeneic not reported when unstated, or when both are stated", () => {
    expect(origin("UC-MSCs 1×10^6/kg")).toBeNull();
    expect(origin("autologous MSCs in one arm and allogeneic MSCs in the other")).toBeNull();
  });
});
