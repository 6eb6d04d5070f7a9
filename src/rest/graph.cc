#include "rest/graph.h"

#include <map>
#include <set>
#include <tuple>

#include "rest/json_members.h"
#include "rest/links.h"
#include "rest/object_json.h"

namespace kenes::rest {
namespace {

GraphEdge EdgeOf(const std::string& node, const Link& link) {
  const bool outgoing = link.direction == Direction::kOutgoing;
  GraphEdge edge;
  edge.source = outgoing ? node : link.other.id;
  edge.target = outgoing ? link.other.id : node;
  if (link.relationship) {
    edge.relationship_type = link.relationship_type;
    edge.relationship = link.relationship->id;
  } else {
    edge.property = link.property;
  }
  return edge;
}

// What a node is called in the graph view: its name, else an observable's value.
std::string DisplayName(const store::StoredVersion& version) {
  std::string name = StringProperty(version.json, "name");
  return name.empty() ? StringProperty(version.json, "value") : name;
}

}  // namespace

Result<Graph> Neighbourhood(store::Store& store, const store::Viewer* viewer, store::StoredVersion root, int depth,
                            const GraphLimits& limits) {
  Graph graph;
  std::map<std::string, size_t, std::less<>> node_index{{root.id, 0}};
  std::set<std::tuple<std::string, std::string, std::string, std::string>> edge_keys;
  graph.nodes.push_back(std::move(root));
  std::vector<size_t> frontier = {0};
  for (int distance = 1; distance <= depth && !frontier.empty(); ++distance) {
    std::vector<size_t> next;
    for (size_t index : frontier) {
      const std::string node = graph.nodes[index].id;  // a copy: nodes grows below
      KENES_ASSIGN_OR_RETURN(Links links, LinksOf(store, viewer, graph.nodes[index], limits.links_per_node));
      graph.truncated |= links.truncated;
      for (Link& link : links.links) {
        if (!node_index.contains(link.other.id)) {
          if (graph.nodes.size() >= limits.max_nodes) {
            graph.truncated = true;
            continue;
          }
          node_index.emplace(link.other.id, graph.nodes.size());
          next.push_back(graph.nodes.size());
          graph.nodes.push_back(link.other);
        }
        GraphEdge edge = EdgeOf(node, link);
        if (!edge_keys.emplace(edge.source, edge.target, edge.relationship, edge.property).second) continue;
        if (link.relationship) graph.relationships.push_back(std::move(*link.relationship));
        graph.edges.push_back(std::move(edge));
      }
    }
    frontier = std::move(next);
  }
  return graph;
}

void AppendGraph(std::string& out, const Graph& graph) {
  out += '{';
  AppendKey(out, "nodes");
  out += '[';
  for (const store::StoredVersion& node : graph.nodes) {
    if (out.back() != '[') out += ',';
    out += '{';
    AppendStringMember(out, "id", node.id);
    AppendStringMember(out, "type", node.type);
    AppendStringMember(out, "name", DisplayName(node));
    AppendKey(out, "tlp");
    AppendTlp(out, node);
    out += '}';
  }
  out += ']';
  AppendKey(out, "edges");
  out += '[';
  for (const GraphEdge& edge : graph.edges) {
    if (out.back() != '[') out += ',';
    out += '{';
    AppendStringMember(out, "source", edge.source);
    AppendStringMember(out, "target", edge.target);
    if (edge.relationship.empty()) {
      AppendStringMember(out, "property", edge.property);
    } else {
      AppendStringMember(out, "relationship_type", edge.relationship_type);
      AppendStringMember(out, "relationship", edge.relationship);
    }
    out += '}';
  }
  out += ']';
  AppendBoolMember(out, "truncated", graph.truncated);
  out += '}';
}

}  // namespace kenes::rest
