import{a,b}from"./chunk-QEK5ATHB.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
