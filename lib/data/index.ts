import "server-only";

// The app's single door to the data: server code only, plain objects out.
export * from "../db/trials";
export * from "./search";
export * from "./screen";
export * from "./history";
export * from "./feed";
