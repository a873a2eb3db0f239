using Mono.Cecil;

namespace Cotravail.Tests.Architecture;

/// The arrows between modules as the compiled code has them: module A → module B when a type of A (its pages,
/// lambdas and state machines included) names a type of B anywhere: signatures, attributes, method bodies.
/// Read from the IL with Mono.Cecil (which NetArchTest brings), so a `using` nobody needs draws no arrow.
public sealed class ModuleGraph
{
    public const string Root = "Cotravail.Modules.";

    /// (from, to) → the types of `from` that name `to`.
    public IReadOnlyDictionary<(string From, string To), IReadOnlySet<string>> Arrows { get; }

    public IReadOnlyList<string> Modules { get; }

    ModuleGraph(Dictionary<(string, string), IReadOnlySet<string>> arrows, IReadOnlyList<string> modules)
    {
        Arrows = arrows;
        Modules = modules;
    }

    public static ModuleGraph Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var arrows = new Dictionary<(string, string), HashSet<string>>();
        var modules = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var top = type;
            while (top.DeclaringType is not null)
            {
                top = top.DeclaringType;
            }
            if (ModuleOf(top.Namespace) is not { } from)
            {
                continue;
            }
            modules.Add(from);
            foreach (var named in Named(type))
            {
                if (ModuleOf(named) is { } to && to != from)
                {
                    if (!arrows.TryGetValue((from, to), out var types))
                    {
                        arrows[(from, to)] = types = [];
                    }
                    types.Add(top.FullName);
                }
            }
        }
        return new ModuleGraph(arrows.ToDictionary(a => a.Key, a => (IReadOnlySet<string>)a.Value), [.. modules]);
    }

    /// The same graph with more arrows, to show what the checks would say of them.
    public ModuleGraph With(params (string From, string To)[] more)
    {
        var arrows = Arrows.ToDictionary(a => a.Key, a => a.Value);
        foreach (var arrow in more)
        {
            arrows[arrow] = new HashSet<string> { "(added by the test)" };
        }
        return new ModuleGraph(arrows, Modules);
    }

    /// The module a namespace belongs to, or null outside Modules.
    public static string? ModuleOf(string? ns) =>
        ns is not null && ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0] : null;

    /// The cycles: each strongly connected group of two or more modules (Tarjan).
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Modules.ToDictionary(m => m, m => Arrows.Keys.Where(a => a.From == m).Select(a => a.To).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<IReadOnlyList<string>>();
        void Visit(string m)
        {
            index[m] = low[m] = index.Count;
            stack.Push(m);
            onStack.Add(m);
            foreach (var n in next[m])
            {
                if (!index.ContainsKey(n))
                {
                    Visit(n);
                    low[m] = Math.Min(low[m], low[n]);
                }
                else if (onStack.Contains(n))
                {
                    low[m] = Math.Min(low[m], index[n]);
                }
            }
            if (low[m] == index[m])
            {
                var group = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    onStack.Remove(popped);
                    group.Add(popped);
                }
                while (popped != m);
                if (group.Count > 1)
                {
                    groups.Add([.. group.Order(StringComparer.Ordinal)]);
                }
            }
        }
        foreach (var m in Modules.Where(m => !index.ContainsKey(m)))
        {
            Visit(m);
        }
        return groups;
    }

    /// The namespaces of every type one type names.
    static IEnumerable<string> Named(TypeDefinition type)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
            }
            var top = reference;
            while (top.DeclaringType is not null)
            {
                top = top.DeclaringType;
            }
            found.Add(top.Namespace);
        }
        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }
            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }
        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                AddMethod(attribute.Constructor);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                {
                    Add(argument.Type);
                    Add(argument.Value as TypeReference);
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var contract in type.Interfaces)
        {
            Add(contract.InterfaceType);
        }
        foreach (var parameter in type.GenericParameters)
        {
            foreach (var constraint in parameter.Constraints)
            {
                Add(constraint.ConstraintType);
            }
        }
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }
        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }
        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            foreach (var parameter in method.Parameters)
            {
                AddAttributes(parameter);
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference reference:
                        Add(reference);
                        break;
                    case MethodReference called:
                        AddMethod(called);
                        break;
                    case FieldReference field:
                        Add(field.DeclaringType);
                        Add(field.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
