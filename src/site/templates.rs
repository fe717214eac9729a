//! Grouping pages by template: a page joins the template whose first page (its leader) has the most similar
//! layout skeleton, when that similarity reaches [`SAME_TEMPLATE`]; otherwise it starts a template of its own.
//! Pages are taken in input order, so the grouping is deterministic; only sketches are compared, never DOMs.

use super::signature::{SKETCH_SIZE, similarity};

/// Two pages whose skeleton sketches agree on at least this share are one template. Pages of one template
/// differ only by optional boxes (an attachment list, a pager): their skeletons share 80–100% of their paths,
/// while a list template and an article template of one site share the frame but not the content area.
pub const SAME_TEMPLATE: f32 = 0.7;

/// A template needs at least this many pages before the model says anything about it. A block must repeat on
/// at least [`super::boilerplate::REPEAT_MIN_PAGES`] pages and a kind needs a clear majority (4 of 5) before
/// either can be told from coincidence — two articles quoting one notice are not a template. Smaller groups
/// (and single pages) are extracted exactly as without the model.
pub const MIN_TEMPLATE_PAGES: usize = 5;

/// The grouping of one run's pages.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// Per page (input order): its group.
    pub group_of: Vec<u32>,
    /// Per group: its page count.
    pub sizes: Vec<u32>,
}

/// Group pages by their sketches, in input order (leader clustering).
pub fn group(sketches: &[[u32; SKETCH_SIZE]]) -> Grouping {
    let mut leaders: Vec<&[u32; SKETCH_SIZE]> = Vec::new();
    let mut out = Grouping::default();
    for sketch in sketches {
        let best = leaders
            .iter()
            .enumerate()
            .map(|(g, l)| (g, similarity(l, sketch)))
            .filter(|(_, s)| *s >= SAME_TEMPLATE)
            // The most similar leader; on a tie the older group.
            .fold(None::<(usize, f32)>, |acc, (g, s)| match acc {
                Some((_, best)) if best >= s => acc,
                _ => Some((g, s)),
            });
        let g = match best {
            Some((g, _)) => g,
            None => {
                leaders.push(sketch);
                out.sizes.push(0);
                leaders.len() - 1
            }
        };
        out.sizes[g] += 1;
        out.group_of.push(g as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sketch(base: u32, changed: usize) -> [u32; SKETCH_SIZE] {
        let mut s = [base; SKETCH_SIZE];
        for v in s.iter_mut().take(changed) {
            *v = base + 1000 + changed as u32;
        }
        s
    }

    #[test]
    fn similar_sketches_share_a_group_in_input_order() {
        let pages = [
            sketch(1, 0),
            sketch(2, 0),
            sketch(1, 5),
            sketch(1, 40),
            sketch(2, 10),
        ];
        let g = group(&pages);
        assert_eq!(g.group_of, vec![0, 1, 0, 2, 1]);
        assert_eq!(g.sizes, vec![2, 2, 1]);
    }
}
