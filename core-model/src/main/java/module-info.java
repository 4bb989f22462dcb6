/** The pure model of Live 2.0: elements, physics database, type tables, configs, presets, particle state, formats. */
module io.live2.model {
    requires com.fasterxml.jackson.databind;
    exports io.live2.model;
    exports io.live2.model.random;
    exports io.live2.model.io;
    exports io.live2.model.config;
    exports io.live2.model.build;
    exports io.live2.model.kinds;
    exports io.live2.model.analysis;
    opens io.live2.model.data;
}
