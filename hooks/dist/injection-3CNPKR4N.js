<<<<<<<< HEAD:hooks/dist/injection-JSPJSHXH.js
import{a,b,c,d,e,f,g,h}from"./chunk-6UQHBFWO.js";import"./chunk-6R6AFM63.js";import"./chunk-QMMW6DV4.js";export{a as INJECTION_POLICIES,c as catalogueAnchorTrie,d as disguisedAt,h as findPromptInjection,f as injectionScore,b as patternReach,e as quickPrefilterAgrees,g as skeleton};
========
import{a,b,c,d,e,f,g,h}from"./chunk-KOYD6NGS.js";import"./chunk-6R6AFM63.js";import"./chunk-QMMW6DV4.js";export{a as INJECTION_POLICIES,c as catalogueAnchorTrie,d as disguisedAt,h as findPromptInjection,f as injectionScore,b as patternReach,e as quickPrefilterAgrees,g as skeleton};
>>>>>>>> inj9:hooks/dist/injection-3CNPKR4N.js
