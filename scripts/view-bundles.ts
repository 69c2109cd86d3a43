/**
 * Which of the newcomer's views travel together in one JS and one CSS file. Left to itself, the bundler
 * cuts every module that two views share into its own chunk: over a hundred files of 1–3 KB, each a request
 * with a kilobyte of headers and, where one waits for another, a round trip on a weak link. Here each
 * group takes its views and whatever they import that no earlier group took (rolldown captures a module's
 * dependencies with it), so the start screen and each part of the app come in one or two files.
 * The order counts: the start screen's views first, so what they need is in the file they load anyway.
 */
const BUNDLES: { name: string; views: string[]; modules?: string[] }[] = [
  // A first visit stores its first content on the page, beside the start screen (src/sync/pull-in-worker.ts):
  // the pull's code comes in the same file, not in a request of its own.
  { name: 'meetups', views: ['meetups/MeetupsView'], modules: ['sync/pull.ts'] },
  { name: 'guide', views: ['guide/GuideView', 'guide/GuidePhaseView', 'guide/GuideStepView', 'guide/GlossaryView'] },
  {
    name: 'volunteering',
    views: ['volunteering/VolunteeringView', 'volunteering/VolunteeringFormView', 'manage/ManageView', 'partners/PartnerDeclarationView', 'partners/PartnerStatusView'],
  },
  {
    name: 'more',
    views: ['meetups/MeetupDetailView', 'meetups/MeetupPosterView', 'district/DistrictView', 'contacts/ContactsView', 'contacts/ContactView', 'search/SearchView', 'bookmarks/SavedView', 'emergency/EmergencyView', 'more/MoreView'],
  },
]

/** Rolldown code-splitting groups, one per bundle, highest priority first. */
export function viewBundles(): { name: string; test: RegExp; priority: number }[] {
  const escape = (path: string) => path.replace(/[.]/g, '\\.')
  return BUNDLES.map(({ name, views, modules = [] }, index) => ({
    name,
    test: new RegExp(`/src/((${views.join('|')})\\.vue${modules.map((m) => `|${escape(m)}`).join('')})$`),
    priority: BUNDLES.length - index,
  }))
}
