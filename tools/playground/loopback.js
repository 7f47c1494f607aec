// The Playground calls server.listen(port) without a host, i.e. on all interfaces. Preloaded with
// NODE_OPTIONS="--require ./loopback.js", this puts every such listen on 127.0.0.1 instead.
const net = require("net");
const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1");
  }
  return originalListen.apply(this, args);
};
