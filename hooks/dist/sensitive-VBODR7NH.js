<<<<<<<< HEAD:hooks/dist/sensitive-V2WMLI5N.js
import{a,b,c,d,e}from"./chunk-B3EYCXWX.js";import"./chunk-6R6AFM63.js";import"./chunk-QREQ2UE7.js";import"./chunk-QSZFOLNW.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
========
import{a,b,c,d,e}from"./chunk-H7NGJIMZ.js";import"./chunk-6R6AFM63.js";import"./chunk-OBRREO7S.js";import"./chunk-VX6NPZJC.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
>>>>>>>> sens8:hooks/dist/sensitive-VBODR7NH.js
