// "The rest of the app": in the copy that next-variant.mjs builds, this file is replaced by the
// filler (../../filler.mjs) of the same weight as in the other variants' bundle. Here it stands in.
export {};
