"""Turn sourced YAML facts about a news story into Markdown pages for MkDocs Material."""
