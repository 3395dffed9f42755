function l(n,i){let e=n.indexOf(`
`,i);return e<0?n.length:e}export{l as a};
