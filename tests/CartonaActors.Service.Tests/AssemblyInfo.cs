// Each test starts a whole service, and the service's logger is process-wide: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
