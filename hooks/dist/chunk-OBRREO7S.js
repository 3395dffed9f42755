<<<<<<<< HEAD:hooks/dist/chunk-QREQ2UE7.js
import{h as t}from"./chunk-QSZFOLNW.js";var e=class extends Error{constructor(){super("the PII and secret scanner is needed but was not loaded"),this.name="ScannerNotLoaded"}},r;function o(n){r=n}function s(n){if(r!==void 0)return r(n);if(!t(n))return[];throw new e}export{e as a,o as b,s as c};
========
import{j as t}from"./chunk-VX6NPZJC.js";var e=class extends Error{constructor(){super("the PII and secret scanner is needed but was not loaded"),this.name="ScannerNotLoaded"}},r;function o(n){r=n}function s(n){if(r!==void 0)return r(n);if(!t(n))return[];throw new e}export{e as a,o as b,s as c};
>>>>>>>> sens8:hooks/dist/chunk-OBRREO7S.js
