// Where the project lives in public. Builds for a fork set WXT_REPORT_ISSUES_URL (an empty value
// turns the "list maintainers" report channel off).
export const PROJECT_URL = 'https://github.com/kusuri-guard/kusuri-guard';
export const NEW_ISSUE_URL = `${PROJECT_URL}/issues/new`;
