<<<<<<<< HEAD:hooks/dist/sensitive-4B5FUSD7.js
import{a,b,c,d,e}from"./chunk-KT4H7433.js";import"./chunk-6R6AFM63.js";import"./chunk-JPFMPOOQ.js";import"./chunk-P42MEMIW.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
========
import{a,b,c,d,e}from"./chunk-IHVHBCRY.js";import"./chunk-6R6AFM63.js";import"./chunk-VSASDVXR.js";import"./chunk-CRE33POW.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
>>>>>>>> lead10b:hooks/dist/sensitive-I3XSNPYM.js
