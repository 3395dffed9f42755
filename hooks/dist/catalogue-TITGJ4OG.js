import{a,b}from"./chunk-34T3L4QS.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
