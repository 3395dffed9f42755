<<<<<<<< HEAD:hooks/dist/injection-NSFDFGUD.js
import{a,b,c,d,e,f,g,h}from"./chunk-KV5PGJNA.js";import"./chunk-6R6AFM63.js";import"./chunk-QMMW6DV4.js";export{a as INJECTION_POLICIES,c as catalogueAnchorTrie,d as disguisedAt,h as findPromptInjection,f as injectionScore,b as patternReach,e as quickPrefilterAgrees,g as skeleton};
========
import{a,b,c,d,e,f,g,h}from"./chunk-HC3UHUDF.js";import"./chunk-6R6AFM63.js";import"./chunk-QMMW6DV4.js";export{a as INJECTION_POLICIES,c as catalogueAnchorTrie,d as disguisedAt,h as findPromptInjection,f as injectionScore,b as patternReach,e as quickPrefilterAgrees,g as skeleton};
>>>>>>>> speed2:hooks/dist/injection-GDJ2NUJG.js
