//! An implicit treap: merge insertion's main chain, which grows by insertions at any position
//! while binary searches read it by position and each pending item's bound is the position
//! of its partner.

/// A list with insertion at any position and access by position in O(log n) (an implicit
/// treap: a binary tree ordered by position, balanced by random priorities), and the position
/// of any node from its handle (parent links), for merge insertion's growing main chain.
pub(super) struct ImplicitList {
    value: Vec<usize>,
    left: Vec<u32>,
    right: Vec<u32>,
    parent: Vec<u32>,
    size: Vec<u32>,
    priority: Vec<u32>,
    root: u32,
    random: u64,
}

/// No node.
const NIL: u32 = u32::MAX;

impl ImplicitList {
    pub(super) fn with_capacity(capacity: usize) -> ImplicitList {
        ImplicitList {
            value: Vec::with_capacity(capacity),
            left: Vec::with_capacity(capacity),
            right: Vec::with_capacity(capacity),
            parent: Vec::with_capacity(capacity),
            size: Vec::with_capacity(capacity),
            priority: Vec::with_capacity(capacity),
            root: NIL,
            random: 0x9E37_79B9_7F4A_7C15,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.size_of(self.root) as usize
    }

    fn size_of(&self, node: u32) -> u32 {
        if node == NIL {
            0
        } else {
            self.size[node as usize]
        }
    }

    /// A new node holding `value`; returns its handle.
    fn node(&mut self, value: usize) -> u32 {
        // xorshift64*: priorities only need to be spread out, not unpredictable.
        self.random ^= self.random << 13;
        self.random ^= self.random >> 7;
        self.random ^= self.random << 17;
        let handle = self.value.len() as u32;
        self.value.push(value);
        self.left.push(NIL);
        self.right.push(NIL);
        self.parent.push(NIL);
        self.size.push(1);
        self.priority.push((self.random >> 32) as u32);
        handle
    }

    /// Recomputes `node`'s size and points its children back at it.
    fn update(&mut self, node: u32) {
        let index = node as usize;
        let (left, right) = (self.left[index], self.right[index]);
        self.size[index] = 1 + self.size_of(left) + self.size_of(right);
        if left != NIL {
            self.parent[left as usize] = node;
        }
        if right != NIL {
            self.parent[right as usize] = node;
        }
    }

    /// Splits `node`'s tree into the first `count` items and the rest.
    fn split(&mut self, node: u32, count: u32) -> (u32, u32) {
        if node == NIL {
            return (NIL, NIL);
        }
        let index = node as usize;
        let left_size = self.size_of(self.left[index]);
        if count <= left_size {
            let (first, rest) = self.split(self.left[index], count);
            self.left[index] = rest;
            self.update(node);
            if first != NIL {
                self.parent[first as usize] = NIL;
            }
            (first, node)
        } else {
            let (first, rest) = self.split(self.right[index], count - left_size - 1);
            self.right[index] = first;
            self.update(node);
            if rest != NIL {
                self.parent[rest as usize] = NIL;
            }
            (node, rest)
        }
    }

    /// Joins two trees, every item of `first` before every item of `second`.
    fn merge(&mut self, first: u32, second: u32) -> u32 {
        if first == NIL {
            return second;
        }
        if second == NIL {
            return first;
        }
        if self.priority[first as usize] > self.priority[second as usize] {
            let joined = self.merge(self.right[first as usize], second);
            self.right[first as usize] = joined;
            self.update(first);
            first
        } else {
            let joined = self.merge(first, self.left[second as usize]);
            self.left[second as usize] = joined;
            self.update(second);
            second
        }
    }

    /// Inserts `value` at `position`; returns its handle.
    pub(super) fn insert(&mut self, position: usize, value: usize) -> u32 {
        let node = self.node(value);
        let (first, rest) = self.split(self.root, position as u32);
        let joined = self.merge(first, node);
        self.root = self.merge(joined, rest);
        self.parent[self.root as usize] = NIL;
        node
    }

    /// Appends `value`; returns its handle.
    pub(super) fn push(&mut self, value: usize) -> u32 {
        self.insert(self.len(), value)
    }

    /// The value at `position`.
    pub(super) fn get(&self, position: usize) -> usize {
        let mut node = self.root;
        let mut position = position as u32;
        loop {
            let index = node as usize;
            let left_size = self.size_of(self.left[index]);
            if position < left_size {
                node = self.left[index];
            } else if position == left_size {
                return self.value[index];
            } else {
                position -= left_size + 1;
                node = self.right[index];
            }
        }
    }

    /// The position of the node `handle`.
    pub(super) fn rank(&self, handle: u32) -> usize {
        let mut rank = self.size_of(self.left[handle as usize]);
        let mut node = handle;
        while self.parent[node as usize] != NIL {
            let parent = self.parent[node as usize];
            if self.right[parent as usize] == node {
                rank += self.size_of(self.left[parent as usize]) + 1;
            }
            node = parent;
        }
        rank as usize
    }

    /// Every value in order.
    pub(super) fn to_vec(&self) -> Vec<usize> {
        let mut values = Vec::with_capacity(self.len());
        let mut stack = Vec::new();
        let mut node = self.root;
        while node != NIL || !stack.is_empty() {
            while node != NIL {
                stack.push(node);
                node = self.left[node as usize];
            }
            if let Some(top) = stack.pop() {
                values.push(self.value[top as usize]);
                node = self.right[top as usize];
            }
        }
        values
    }
}
