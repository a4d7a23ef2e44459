import ArgumentParser
import Foundation
import RefChart

/// `refchart references …`: the whole References API from the shell.
struct ReferencesCommand: AsyncParsableCommand {
    // Every command names itself: a name derived from the type goes through `String(describing:)`, whose
    // dynamic casts scan the conformance tables at every start (docs/PERFORMANCE.md).
    static let configuration = CommandConfiguration(
        commandName: "references",
        abstract: "List, show, create, update and delete OpenPanel references.",
        discussion: """
            Credentials come from OPENPANEL_CLIENT_ID and OPENPANEL_CLIENT_SECRET (a root client), or \
            --credentials-file; the API URL from --api-url or OPENPANEL_API_URL.

            Exit codes: 0 success; 1 bad input or a request the server refused; 3 missing or rejected \
            credentials; 4 no such reference or project; 5 the server or network failed, or the rate limit \
            held, after retries; 64 a usage error.
            """,
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self])

    /// Output flags shared by the subcommands that print references.
    struct Output: ParsableArguments {
        @Flag(help: "Print the API's JSON objects instead of a table.")
        var json = false

        @Option(help: ArgumentHelp("The IANA time zone dates are shown in.", valueName: "zone"))
        var timezone = "UTC"

        func validate() throws {
            _ = try zone(timezone, .timezone)
        }

        func print(_ references: [Reference]) throws {
            if json {
                Swift.print(try ReferenceTable.json(references.map(APIDecoding.apiObject)))
            } else {
                Swift.print(ReferenceTable.render(references, zone: TimeZone(identifier: timezone)!), terminator: "")
            }
        }

        func print(_ reference: Reference) throws {
            if json {
                Swift.print(try ReferenceTable.json(APIDecoding.apiObject(reference)))
            } else {
                try print([reference])
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List references, newest created first.",
            discussion: "Example: refchart references list --project my-project --timezone Europe/Berlin")
        @OptionGroup var api: OpenPanelOptions

        @OptionGroup var deadline: DeadlineOption
        @Option(help: ArgumentHelp("Only this project's references.", valueName: "id"))
        var project: String?
        @OptionGroup var output: Output

        func run() async throws {
            deadline.arm()
            try await reportingErrors { try output.print(try await api.client().list(projectId: project)) }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get", abstract: "Show one reference.",
            discussion: "Example: refchart references get 9c6aeeaf-a554-4dbf-8acd-4bb24ad2806d --json")
        @OptionGroup var api: OpenPanelOptions

        @OptionGroup var deadline: DeadlineOption
        @Argument(help: "The reference's id (a UUID).")
        var id: String
        @OptionGroup var output: Output

        func run() async throws {
            deadline.arm()
            try await reportingErrors { try output.print(try await api.client().get(id: id)) }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a reference.",
            discussion: "Example: refchart references create --project my-project --title \"Release 2.3\" --date 2024-03-01T09:00:00Z")
        @OptionGroup var api: OpenPanelOptions

        @OptionGroup var deadline: DeadlineOption
        @Option(help: ArgumentHelp("The project it belongs to.", valueName: "id"))
        var project: String
        @Option(help: "The title.")
        var title: String
        @Option(help: "Optional notes.")
        var description: String?
        @Option(help: ArgumentHelp("When: 2024-01-15T10:00:00Z, 2024-01-15T10:00:00-05:00 or 2024-01-15.", valueName: "datetime"))
        var date: String
        @OptionGroup var output: Output

        func run() async throws {
            deadline.arm()
            try await reportingErrors {
                let draft = ReferenceDraft(projectId: project, title: title, description: description, datetime: date)
                try output.print(try await api.client().create(draft))
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a reference's title, description or date.",
            discussion: "Example: refchart references update 9c6aeeaf-a554-4dbf-8acd-4bb24ad2806d --title \"Release 2.3.1\" --clear-description")
        @OptionGroup var api: OpenPanelOptions

        @OptionGroup var deadline: DeadlineOption
        @Argument(help: "The reference's id (a UUID).")
        var id: String
        @Option(help: "A new title.")
        var title: String?
        @Option(help: "A new description.")
        var description: String?
        @Flag(help: "Remove the description (sends \"description\": null).")
        var clearDescription = false
        @Option(help: ArgumentHelp("A new date, in the forms create takes.", valueName: "datetime"))
        var date: String?
        @OptionGroup var output: Output

        func validate() throws {
            guard !(clearDescription && description != nil) else {
                throw ValidationError("use either --description or --clear-description, not both")
            }
            guard title != nil || description != nil || clearDescription || date != nil else {
                throw ValidationError("nothing to update: give --title, --description, --clear-description or --date")
            }
        }

        func run() async throws {
            deadline.arm()
            try await reportingErrors {
                let change: ReferencePatch.DescriptionChange? = clearDescription ? .clear : description.map { .set($0) }
                let patch = ReferencePatch(title: title, description: change, datetime: date)
                try output.print(try await api.client().update(id: id, patch))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete a reference for good.",
            discussion: "Example: refchart references delete 9c6aeeaf-a554-4dbf-8acd-4bb24ad2806d")
        @OptionGroup var api: OpenPanelOptions

        @OptionGroup var deadline: DeadlineOption
        @Argument(help: "The reference's id (a UUID).")
        var id: String

        func run() async throws {
            deadline.arm()
            try await reportingErrors {
                try await api.client().delete(id: id)
                print("deleted \(id)")
            }
        }
    }
}
