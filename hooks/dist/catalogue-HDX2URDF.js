import{a,b}from"./chunk-SQ7SKDML.js";import"./chunk-EELXUAZC.js";export{a as BUILTIN_POLICIES,b as builtinPolicy};
