using Akka.Configuration;

namespace CartonaActors.Engine.Hosting;

/// <summary>The files of <c>hocon/</c>, embedded in this assembly so every host and test reads the same ones.</summary>
public static class HoconFiles
{
    public static Config Load(string name)
    {
        using var stream = typeof(HoconFiles).Assembly.GetManifestResourceStream("hocon/" + name)
            ?? throw new InvalidOperationException($"hocon/{name} is not embedded in {typeof(HoconFiles).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
