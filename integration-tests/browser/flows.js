/** Listing and order journeys; filled in as their screens land. */
async function run() {}

module.exports = { run }
