//! Observations: every figure a report states, with its subject, period,
//! status, comparisons and provenance. See `design.md` ("Observations") and
//! `testdata/gold/CONVENTIONS.md` for the modelling rules.
//!
//! A clause is read anchor by anchor: each number is classified by the words
//! before it (a level, a change, a ratio, an attainment of a plan), and the
//! words between the previous anchor and this one say whether a new subject,
//! breakdown, period or status begins. State carries over clauses and
//! sentences of a paragraph the way a reader carries it: the indicator named
//! once governs what follows until another appears.

pub mod compare;
pub mod numbers;
pub mod text;
pub mod when;

mod engine;
mod table;

pub use engine::extract;
