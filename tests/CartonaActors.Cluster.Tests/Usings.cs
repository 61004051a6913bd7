global using Xunit;
global using CartonaActors.Testing;

// Each test runs three service processes on a 2-core machine: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
