// A journey is a whole story told through a real browser (asking, answering, accepting,
// resolving: dozens of page loads). On CI's two shared cores it has taken close to a minute, the
// default limit for a test; a journey that hangs still fails, after three minutes.
jest.setTimeout(180_000);
