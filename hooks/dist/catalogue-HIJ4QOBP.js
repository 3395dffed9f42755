import{a,b}from"./chunk-W2G22UK2.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
