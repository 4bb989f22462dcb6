/** The live command. It runs on the class path as an application; this descriptor documents its dependencies. */
module io.live2.cli {
    requires io.live2.engine;
    requires io.live2.jobs;
    requires io.live2.jobs.aws;
    requires info.picocli;
    requires me.tongfei.progressbar;
    opens io.live2.cli to info.picocli;
}
