// Starts Azurite with the arguments given (the tests pass ports, loopback hosts and in-memory persistence), and stops
// it as soon as the process that started it goes away: that process holds our stdin, so "end" on stdin means the
// test run finished or crashed. Without this a crashed test run would leave an emulator running.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
require('azurite/dist/src/azurite.js');
