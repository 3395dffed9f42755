var i={low:1,medium:2,high:3,critical:4};export{i as a};
