<<<<<<<< HEAD:hooks/dist/chunk-4BQPQMWX.js
import{h as t}from"./chunk-MHGIX4Z2.js";var e=class extends Error{constructor(){super("the PII and secret scanner is needed but was not loaded"),this.name="ScannerNotLoaded"}},r;function o(n){r=n}function s(n){if(r!==void 0)return r(n);if(!t(n))return[];throw new e}export{e as a,o as b,s as c};
========
import{h as t}from"./chunk-IJSJ6EQ5.js";var e=class extends Error{constructor(){super("the PII and secret scanner is needed but was not loaded"),this.name="ScannerNotLoaded"}},r;function o(n){r=n}function s(n){if(r!==void 0)return r(n);if(!t(n))return[];throw new e}export{e as a,o as b,s as c};
>>>>>>>> pii7:hooks/dist/chunk-MXSLPM4M.js
