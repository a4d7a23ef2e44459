// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features the whole package uses (as hummingbird does): explicit `any`, imports internal by
/// default so no dependency leaks into a public signature, and member visibility tied to imports.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "refchart",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "refchart", targets: ["refchart"]),
        .library(name: "RefChart", targets: ["RefChart", "RefChartReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        // Report job files are YAML (JSON is YAML too); Yams keeps each node's line and column for errors.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Documentation only (`swift package generate-documentation --target RefChart`): a plugin, built
        // when asked for, never part of the library's build.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // `refchart serve`: the HTTP server (issue 27), on SwiftNIO.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // `refchart serve`'s access log and /metrics: swift-log (already Hummingbird's) and swift-prometheus
        // (on swift-metrics and swift-atomics, both already in the build: ~4 s more on 2 cores).
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        // `refchart mcp`: the Model Context Protocol over stdio, for agents asking for chart images.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.0"),
        // Tests only: a real HTTP server on loopback for the OpenPanel client and URL inputs.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // Cairo + Pango through pkg-config `pangocairo` (and libpng, which Cairo brings, for fast PNGs); only
        // RefChartRender imports it.
        .systemLibrary(
            name: "CCairoPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libpng-dev"]), .brew(["cairo", "pango", "libpng"])]
        ),
        // libcurl (pkg-config `libcurl`), for e-mail over SMTP with STARTTLS or TLS: Foundation has no TLS on a
        // raw socket on Linux, and curl is already a runtime library (FoundationNetworking is built on it).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        // Domain values, ISO 8601, the CSV reader, local references files. No Cairo, no networking.
        .target(name: "RefChartCore", swiftSettings: swiftSettings),
        // The OpenPanel References API client over URLSession.
        .target(name: "OpenPanel", dependencies: ["RefChartCore"], swiftSettings: swiftSettings),
        // The plain scene a layout makes and every writer reads: geometry, colours, fonts, measured text runs
        // (and the text-measuring protocol the layout asks). No dependencies.
        .target(name: "RefChartScene", swiftSettings: swiftSettings),
        // Scales, ticks, downsampling, marker placement → a plain Sendable `Scene` + layout report.
        .target(name: "RefChartLayout", dependencies: ["RefChartCore", "RefChartScene"], swiftSettings: swiftSettings),
        // Writes a `Scene` as PNG, PDF (Cairo and Pango) and SVG (a string writer); measures text for the layout.
        // Core only for ISO 8601 (the PDF's date stamp).
        .target(
            name: "RefChartRender",
            dependencies: ["RefChartCore", "RefChartScene", "CCairoPango"],
            swiftSettings: swiftSettings
        ),
        // The small public façade for embedding.
        .target(
            name: "RefChart",
            dependencies: ["RefChartCore", "RefChartScene", "RefChartLayout", "RefChartRender", "OpenPanel"],
            swiftSettings: swiftSettings
        ),
        // Report jobs: a YAML jobs file → many charts, concurrently, failures isolated, one summary. Only
        // through the façade (and Core's failure shape): no renderer, no layout internals.
        .target(
            name: "RefChartReport",
            dependencies: ["RefChart", "RefChartCore", "CCurl", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // `refchart serve`: charts over HTTP from a config of named charts, cached, bounded, shut down gracefully.
        .target(
            name: "RefChartServe",
            dependencies: [
                "RefChart", "RefChartReport", "RefChartCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // `refchart mcp`: the same charts as tools (list_charts, render_chart) for an MCP client on stdio.
        .target(
            name: "RefChartMCP",
            dependencies: ["RefChart", "RefChartServe", "RefChartReport", .product(name: "MCP", package: "swift-sdk")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "refchart",
            dependencies: [
                "RefChart", "RefChartReport", "RefChartServe", "RefChartMCP", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test support, not a product: OpenPanel's References API on loopback.
        .target(
            name: "OpenPanelMockServer",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")],
            path: "Tests/OpenPanelMockServer",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RefChartTests",
            dependencies: [
                "RefChart", "RefChartCore", "RefChartScene", "RefChartLayout", "RefChartRender", "RefChartReport", "OpenPanel",
                "OpenPanelMockServer", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
