// TorchSharp's default random generator (used by weight initialisation, dropout and torch.manual_seed) is
// process-wide; tests that seed it must not interleave, so test classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
