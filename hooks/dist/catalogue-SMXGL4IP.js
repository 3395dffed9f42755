import{a,b}from"./chunk-RZV34HN6.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
