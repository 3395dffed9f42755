import{a,b}from"./chunk-RPHRGM64.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
