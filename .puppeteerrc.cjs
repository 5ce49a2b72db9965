// Puppeteer's own browser download cannot reach its host here; Debian's chromium is used instead.
module.exports = { skipDownload: true };
