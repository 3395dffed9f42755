<<<<<<<< HEAD:hooks/dist/chunk-JPFMPOOQ.js
import{h as t}from"./chunk-P42MEMIW.js";var e=class extends Error{constructor(){super("the PII and secret scanner is needed but was not loaded"),this.name="ScannerNotLoaded"}},r;function o(n){r=n}function s(n){if(r!==void 0)return r(n);if(!t(n))return[];throw new e}export{e as a,o as b,s as c};
========
import{h as t}from"./chunk-CRE33POW.js";var e=class extends Error{constructor(){super("the PII and secret scanner is needed but was not loaded"),this.name="ScannerNotLoaded"}},r;function o(n){r=n}function s(n){if(r!==void 0)return r(n);if(!t(n))return[];throw new e}export{e as a,o as b,s as c};
>>>>>>>> lead10b:hooks/dist/chunk-VSASDVXR.js
