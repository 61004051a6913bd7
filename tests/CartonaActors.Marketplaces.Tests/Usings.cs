global using Xunit;
global using CartonaActors.Domain.Sync;
