import "server-only";

// The app's single door to the data: server code only, plain objects out.
export * from "./records";
export * from "./search";
export * from "./screen";
export * from "./history";
export * from "./feed";
export * from "./compare";
