<<<<<<<< HEAD:hooks/dist/sensitive-G3WYMFCJ.js
import{a,b,c,d,e}from"./chunk-X7UTSGF3.js";import"./chunk-6R6AFM63.js";import"./chunk-4BQPQMWX.js";import"./chunk-MHGIX4Z2.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
========
import{a,b,c,d,e}from"./chunk-ERD4WFIZ.js";import"./chunk-6R6AFM63.js";import"./chunk-MXSLPM4M.js";import"./chunk-IJSJ6EQ5.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
>>>>>>>> pii7:hooks/dist/sensitive-KWSHTBPF.js
