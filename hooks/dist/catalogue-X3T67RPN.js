import{a,b}from"./chunk-N5PZ6XOF.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
