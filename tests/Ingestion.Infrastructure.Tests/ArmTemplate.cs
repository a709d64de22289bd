using System.Globalization;
using System.Text.Json.Nodes;

namespace Ingestion.Infrastructure.Tests;

/// <summary>
/// A compiled ARM template with just enough of the expression language (parameters, variables, copy loops, format)
/// to read the names and values Bicep passes between modules. Expressions that need Azure (reference, resourceId,
/// listKeys, ...) are left as their text, so tests can still see what they refer to.
/// </summary>
internal sealed class ArmTemplate
{
    private readonly JsonObject json;
    private readonly ArmTemplate? parent;
    private readonly JsonObject? parameterValues;

    private ArmTemplate(JsonObject json, ArmTemplate? parent, JsonObject? parameterValues)
    {
        this.json = json;
        this.parent = parent;
        this.parameterValues = parameterValues;
    }

    public JsonObject Json => json;

    /// <param name="parameters">Values for the template's parameters, as a deployment would pass them.</param>
    public static ArmTemplate Parse(string text, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var values = parameters is null ? null : new JsonObject(parameters.Select(pair =>
            KeyValuePair.Create(pair.Key, (JsonNode?)new JsonObject { ["value"] = pair.Value })));
        return new ArmTemplate(JsonNode.Parse(text)!.AsObject(), null, values);
    }

    /// <summary>The resources it deploys: an array, or with languageVersion 2.0 an object keyed by symbolic name that also lists existing ones.</summary>
    public IEnumerable<ArmResource> Resources => ResourcesOf(json).Select(resource => new ArmResource(this, resource));

    public static IEnumerable<JsonObject> ResourcesOf(JsonObject template) =>
        (template["resources"] switch
        {
            JsonArray array => array,
            JsonObject symbolic => symbolic.Select(pair => pair.Value),
            _ => [],
        })
        .Select(resource => resource!.AsObject())
        .Where(resource => resource["existing"]?.GetValue<bool>() != true);

    /// <summary>The template of a nested deployment (a Bicep module), its parameters bound to what this template passes.</summary>
    public ArmTemplate Module(string deploymentName)
    {
        var deployment = Resources.Single(resource => resource.Type == "Microsoft.Resources/deployments" && (string?)resource.Json["name"] == deploymentName);
        var properties = deployment.Json["properties"]!;
        return new ArmTemplate(properties["template"]!.AsObject(), this, properties["parameters"]?.AsObject());
    }

    public IEnumerable<ArmResource> ResourcesOfType(string type) => Resources.Where(resource => resource.Type == type);

    public IReadOnlyDictionary<string, JsonNode?> Outputs =>
        (json["outputs"]?.AsObject() ?? []).ToDictionary(output => output.Key, output => Evaluate(output.Value!["value"]));

    /// <summary>Evaluates every expression in <paramref name="node"/> that needs no Azure, at loop index <paramref name="copyIndex"/>.</summary>
    public JsonNode? Evaluate(JsonNode? node, int copyIndex = 0) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Evaluate(pair.Value, copyIndex)))),
        JsonArray array => new JsonArray([.. array.Select(item => Evaluate(item, copyIndex))]),
        JsonValue value when value.TryGetValue<string>(out var text) && IsExpression(text) => TryEvaluate(text, copyIndex),
        _ => node?.DeepClone(),
    };

    private static bool IsExpression(string text) => text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith(']');

    private JsonNode? TryEvaluate(string text, int copyIndex)
    {
        try
        {
            return new Parser(this, text[1..^1], copyIndex).ParseAll();
        }
        catch (NotSupportedException)
        {
            return JsonValue.Create(text);
        }
    }

    private JsonNode? Parameter(string name)
    {
        if (parameterValues?[name] is JsonObject passed)
        {
            return parent is null ? passed["value"]?.DeepClone() : parent.Evaluate(passed["value"]);
        }

        var declared = json["parameters"]?[name] ?? throw new InvalidOperationException($"No parameter {name}.");
        return Evaluate(declared["defaultValue"] ?? throw new NotSupportedException($"Parameter {name} has no value."));
    }

    private JsonNode? Variable(string name) =>
        Evaluate(json["variables"]?[name] ?? throw new InvalidOperationException($"No variable {name}."));

    /// <summary>Recursive descent over ARM's expression syntax: calls, 'strings', numbers, .member and [index].</summary>
    private sealed class Parser(ArmTemplate template, string text, int copyIndex)
    {
        private int position;

        public JsonNode? ParseAll()
        {
            var result = ParseExpression();
            SkipSpaces();
            return position == text.Length ? result : throw new FormatException($"Unexpected text at {position} in [{text}].");
        }

        private JsonNode? ParseExpression()
        {
            var value = ParsePrimary();
            while (true)
            {
                SkipSpaces();
                if (TryTake('.'))
                {
                    value = value?[ParseIdentifier()];
                }
                else if (TryTake('['))
                {
                    var index = ParseExpression();
                    Take(']');
                    value = index!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? value?[index.GetValue<int>()] : value?[index.GetValue<string>()];
                }
                else
                {
                    return value?.DeepClone();
                }
            }
        }

        private JsonNode? ParsePrimary()
        {
            SkipSpaces();
            if (TryTake('\''))
            {
                var start = position;
                var builder = new System.Text.StringBuilder();
                while (true)
                {
                    var quote = text.IndexOf('\'', position);
                    if (quote < 0)
                    {
                        throw new FormatException($"Unterminated string from {start} in [{text}].");
                    }

                    builder.Append(text, position, quote - position);
                    position = quote + 1;
                    if (!TryTake('\''))
                    {
                        return JsonValue.Create(builder.ToString());
                    }

                    builder.Append('\'');
                }
            }

            if (char.IsAsciiDigit(text[position]) || text[position] == '-')
            {
                var start = position++;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }

                return JsonValue.Create(int.Parse(text.AsSpan(start, position - start), CultureInfo.InvariantCulture));
            }

            var name = ParseIdentifier();
            Take('(');
            var arguments = new List<JsonNode?>();
            SkipSpaces();
            if (!TryTake(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpaces();
                }
                while (TryTake(','));
                Take(')');
            }

            return Call(name, arguments);
        }

        private JsonNode? Call(string name, List<JsonNode?> arguments) => name.ToLowerInvariant() switch
        {
            "parameters" => template.Parameter(Text(arguments[0])),
            "variables" => template.Variable(Text(arguments[0])),
            "copyindex" => JsonValue.Create(copyIndex + (arguments.LastOrDefault() is JsonValue offset && offset.TryGetValue<int>(out var by) ? by : 0)),
            "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(arguments[0]), [.. arguments.Skip(1).Select(Text)])),
            "concat" => JsonValue.Create(string.Concat(arguments.Select(Text))),
            "length" => JsonValue.Create(arguments[0] is JsonArray array ? array.Count : Text(arguments[0]).Length),
            "tolower" => JsonValue.Create(Text(arguments[0]).ToLowerInvariant()),
            "createobject" => new JsonObject(arguments.Chunk(2).Select(pair => KeyValuePair.Create(Text(pair[0]), pair[1]?.DeepClone()))),
            "union" => Union(arguments),
            "subscriptionresourceid" => JsonValue.Create($"/subscriptions/{{subscriptionId}}/providers/{Text(arguments[0])}/{string.Join('/', arguments.Skip(1).Select(Text))}"),
            _ => throw new NotSupportedException($"{name}() needs Azure to evaluate."),
        };

        /// <summary>Objects only; later keys win, as in ARM.</summary>
        private static JsonObject Union(List<JsonNode?> arguments)
        {
            var result = new JsonObject();
            foreach (var pair in arguments.SelectMany(argument => argument as JsonObject ?? throw new NotSupportedException("union() of non-objects.")))
            {
                result[pair.Key] = pair.Value?.DeepClone();
            }

            return result;
        }

        private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";

        private string ParseIdentifier()
        {
            SkipSpaces();
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            return position > start ? text[start..position] : throw new FormatException($"Expected a name at {start} in [{text}].");
        }

        private void SkipSpaces()
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }
        }

        private bool TryTake(char expected)
        {
            if (position < text.Length && text[position] == expected)
            {
                position++;
                return true;
            }

            return false;
        }

        private void Take(char expected)
        {
            SkipSpaces();
            if (!TryTake(expected))
            {
                throw new FormatException($"Expected '{expected}' at {position} in [{text}].");
            }
        }
    }
}

/// <summary>One resource declaration; a copy loop stands for several instances.</summary>
internal sealed record ArmResource(ArmTemplate Template, JsonObject Json)
{
    public string Type => (string)Json["type"]!;

    /// <summary>Each instance with every Azure-free expression evaluated.</summary>
    public IEnumerable<JsonObject> Instances()
    {
        var count = Json["copy"] is JsonObject copy ? Template.Evaluate(copy["count"])!.GetValue<int>() : 1;
        return Enumerable.Range(0, count).Select(index => Template.Evaluate(Json, index)!.AsObject());
    }
}
