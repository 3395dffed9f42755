<<<<<<<< HEAD:hooks/dist/sensitive-PO3QRCCV.js
import{a,b,c,d,e}from"./chunk-XBSDGI5W.js";import"./chunk-6R6AFM63.js";import"./chunk-X3MQBRSQ.js";import"./chunk-LGN4LNMT.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
========
import{a,b,c,d,e}from"./chunk-U6ZAX3NP.js";import"./chunk-6R6AFM63.js";import"./chunk-NIBHC66B.js";import"./chunk-X2E2OF7A.js";import"./chunk-QMMW6DV4.js";export{c as SENSITIVE_SPECS,e as findSensitive,a as isPlaceholder,d as keywordHits,b as keywordTrie};
>>>>>>>> speed2:hooks/dist/sensitive-FFVEESTJ.js
