/** Class lists of the controls the comparison and the landscape share: buttons, presets, segmented controls. */
export const BUTTON =
  "inline-flex items-center rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900! no-underline hover:bg-slate-100 hover:no-underline";
export const BUTTON_PRIMARY =
  "inline-flex items-center rounded border border-brand bg-brand px-3 py-1.5 text-sm font-medium text-white! no-underline hover:bg-brand-dark hover:no-underline";
export const SEGMENT = "px-3 py-1.5 text-sm no-underline hover:no-underline";
export const SEGMENT_ON = "bg-brand text-white! font-semibold";
export const SEGMENT_OFF = "bg-white text-slate-900! hover:bg-slate-100";
/** A preset that is the current value. */
export const BUTTON_CURRENT = "border-brand! bg-sky-50! font-semibold";
