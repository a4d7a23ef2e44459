#!/usr/bin/env bash
# Every import of one of our own targets must be a declared dependency of the importing target. A missing one
# still builds incrementally (the module is already in .build) and even clean when another dependency brings it
# first, but a clean parallel build may compile the importer first and fail with "no such module" — as a
# clean CI build did when RefChartRender imported RefChartCore undeclared.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each target's declaration, as "name<TAB>the declaration's text on one line" (from its opener to the next).
declarations=$(awk '
    /^ *\.(target|executableTarget|testTarget|systemLibrary)\(/ { if (text != "") print text; text = "" ; open = 1 }
    /^ *\.(library|executable)\(/ { open = 0 }
    open { text = text " " $0 }
    END { if (text != "") print text }
' Package.swift | sed -E 's/^[^"]*name: "([A-Za-z]+)"(.*)$/\1\t\2/')
targets=$(cut -f1 <<<"$declarations")
failed=0
declaration() { awk -F'\t' -v name="$1" '$1 == name { print $2 }' <<<"$declarations"; }
for target in $targets; do
    for root in Sources Tests; do
        [ -d "$root/$target" ] || continue
        deps=$(declaration "$target")
        while IFS=: read -r file line text; do
            module=$(sed -E 's/.*import ([A-Za-z]+).*/\1/' <<<"$text")
            grep -qx "$module" <<<"$targets" || continue
            [ "$module" = "$target" ] && continue
            if ! grep -q "\"$module\"" <<<"$deps"; then
                echo "$file:$line: $target imports $module but Package.swift does not list it in $target's dependencies" >&2
                failed=1
            fi
        done < <(grep -rnE '^(@[A-Za-z_]+ +)?((public|package|internal) +)?import [A-Za-z]+' "$root/$target" --include='*.swift' || true)
    done
done
[ "$failed" = 0 ] && echo "imports: every target's imports of our targets are declared dependencies"
exit "$failed"
