// Graph: the neighbourhood of one object as nodes and edges, for the web
// UI's graph view.
//
// Nodes are objects within `depth` links of the root (links.h), the root
// at depth 0; relationship SROs are not nodes but edges labelled with their
// relationship_type, other references edges labelled with the property
// ("object_refs", "sighting_of_ref"). Only objects the viewer may see are
// nodes, and an edge appears only between two nodes. The node count is
// bounded; the graph says when the bound cut it short.
//
// Thread-safety: as the store; the result is a plain value.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace kenes::rest {

struct GraphEdge {
  std::string source;             // object id
  std::string target;             // object id
  std::string relationship_type;  // for a relationship SRO; else empty
  std::string relationship;       // the SRO's id; else empty
  std::string property;           // for another reference; else empty
};

struct Graph {
  std::vector<store::StoredVersion> nodes;  // the root first, then by distance
  std::vector<GraphEdge> edges;
  std::vector<store::StoredVersion> relationships;  // the SROs behind edges (read, so audited)
  bool truncated = false;                           // a bound left out nodes or links
};

struct GraphLimits {
  size_t max_nodes = 200;
  size_t links_per_node = 100;  // in each direction
};

// The neighbourhood of `root` to `depth` (REQUIRES: >= 1) as `viewer` sees it.
Result<Graph> Neighbourhood(store::Store& store, const store::Viewer* viewer, store::StoredVersion root, int depth,
                            const GraphLimits& limits);

// Appends {"nodes": [{id, type, name, tlp}], "edges": [...], "truncated": bool}.
void AppendGraph(std::string& out, const Graph& graph);

}  // namespace kenes::rest
