package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool.NetworkData;
import io.live2.model.analysis.ReactionNetworkTool.ReactionNode;
import io.live2.model.analysis.ReactionNetworkTool.SpeciesNode;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphMlExportTest {

    /** A + B -> C; C -> 2 A + D, with awkward characters in labels and SMILES. */
    private static NetworkData toy() {
        return new NetworkData(
                List.of(new SpeciesNode("A", "CH2O", "C=O"),
                        new SpeciesNode("B", "H<2>&O\"'", "[OH2]"),
                        new SpeciesNode("C", "C2H4O2", "OCC=O"),
                        new SpeciesNode("D", "H2", null)),
                List.of(new ReactionNode("R1", List.of(new Stoich("A", 1), new Stoich("B", 1)), List.of(new Stoich("C", 1)), 7, 120),
                        new ReactionNode("R2", List.of(new Stoich("C", 1)), List.of(new Stoich("A", 2), new Stoich("D", 1)), 3, 450)));
    }

    private static byte[] export(NetworkData n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JGraphTNetworkTool().writeGraphMl(n, out);
        return out.toByteArray();
    }

    @Test
    void wellFormedXmlWithAttributes() throws Exception {
        byte[] xml = export(toy());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertEquals("graphml", doc.getDocumentElement().getLocalName());
        Element graph = (Element) doc.getElementsByTagNameNS("*", "graph").item(0);
        assertEquals("directed", graph.getAttribute("edgedefault"));

        Map<String, String> keyNames = new HashMap<>();
        NodeList keys = doc.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            keyNames.put(k.getAttribute("id"), k.getAttribute("for") + ":" + k.getAttribute("attr.name"));
        }
        assertEquals(Map.of("node", 6L, "edge", 2L), keyNames.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(s -> s.substring(0, s.indexOf(':')), java.util.stream.Collectors.counting())));

        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        NodeList edges = doc.getElementsByTagNameNS("*", "edge");
        assertEquals(6, nodes.getLength());
        assertEquals(6, edges.getLength());
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Map<String, String> data = data((Element) nodes.item(i), keyNames);
            byKey.put(data.get("key"), data);
        }
        assertEquals(Map.of("kind", "species", "key", "B", "label", "H<2>&O\"'", "smiles", "[OH2]"), byKey.get("B"));
        assertEquals(Map.of("kind", "species", "key", "D", "label", "H2"), byKey.get("D"));
        assertEquals(Map.of("kind", "reaction", "key", "R2", "label", "C2H4O2 -> 2 CH2O + H2",
                "events", "3", "first_step", "450"), byKey.get("R2"));
        assertEquals("CH2O + H<2>&O\"' -> C2H4O2", byKey.get("R1").get("label"));

        int reactant = 0;
        int product = 0;
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            Map<String, String> data = data(e, keyNames);
            if (data.get("role").equals("reactant")) {
                reactant++;
                assertEquals("s", e.getAttribute("source").substring(0, 1));
            } else {
                product++;
                assertEquals("r", e.getAttribute("source").substring(0, 1));
            }
            if (e.getAttribute("source").equals("r5") && e.getAttribute("target").equals("s0")) {
                assertEquals("2", data.get("stoichiometry"));
            }
        }
        assertEquals(3, reactant);
        assertEquals(3, product);
    }

    private static Map<String, String> data(Element owner, Map<String, String> keyNames) {
        Map<String, String> m = new HashMap<>();
        NodeList data = owner.getElementsByTagNameNS("*", "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            String name = keyNames.get(d.getAttribute("key"));
            m.put(name.substring(name.indexOf(':') + 1), d.getTextContent());
        }
        return m;
    }

    @Test
    void readBackByJGraphTImporter() throws Exception {
        byte[] xml = export(toy());
        Graph<String, org.jgrapht.graph.DefaultEdge> g = new DefaultDirectedGraph<>(null,
                org.jgrapht.graph.DefaultEdge::new, false);
        GraphMLImporter<String, org.jgrapht.graph.DefaultEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        Map<String, Map<String, String>> vertexAttrs = new HashMap<>();
        Map<String, String> edgeRoles = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) -> vertexAttrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("role")) {
                edgeRoles.put(g.getEdgeSource(p.getFirst()) + ">" + g.getEdgeTarget(p.getFirst()), a.getValue());
            }
        });
        importer.importGraph(g, new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
        assertEquals(6, g.vertexSet().size());
        assertEquals(6, g.edgeSet().size());
        assertEquals("species", vertexAttrs.get("s0").get("kind"));
        assertEquals("A", vertexAttrs.get("s0").get("key"));
        assertEquals("C=O", vertexAttrs.get("s0").get("smiles"));
        assertEquals("reaction", vertexAttrs.get("r4").get("kind"));
        assertEquals("R1", vertexAttrs.get("r4").get("key"));
        assertEquals("7", vertexAttrs.get("r4").get("events"));
        assertEquals("120", vertexAttrs.get("r4").get("first_step"));
        assertEquals(Map.of("s0>r4", "reactant", "s1>r4", "reactant", "r4>s2", "product",
                "s2>r5", "reactant", "r5>s0", "product", "r5>s3", "product"), edgeRoles);
    }

    @Test
    void emptyNetworkIsStillGraphMl() throws Exception {
        byte[] xml = export(new NetworkData(List.of(), List.of()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertEquals("graphml", doc.getDocumentElement().getNodeName());
        assertEquals(0, doc.getElementsByTagName("node").getLength());
    }
}
