namespace PassportQueue.Tests.Browser;

/// <summary>
/// The dashboard's browser tests run alone, after the parallel ones: they watch a live page react
/// to the clock, and on a loaded 2-core CI machine the page's live connection sometimes did not
/// answer in time while dozens of other tests ran beside it.
/// </summary>
[CollectionDefinition(nameof(BrowserRuns), DisableParallelization = true)]
public sealed class BrowserRuns;
